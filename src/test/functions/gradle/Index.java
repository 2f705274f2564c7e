package com.example.gradle;

import com.google.gson.Gson;
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.nio.file.Path;
import java.util.Map;

/** Uses Gson from dependencies.gradle, and says which jar it came from. */
public class Index {

    public Response main(Request req, Response res) throws Exception {
        Path jar = Path.of(Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return res.send(new Gson().toJson(Map.of("gsonJar", jar.getFileName().toString())));
    }
}
