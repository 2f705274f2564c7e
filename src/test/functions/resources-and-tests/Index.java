import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A flat folder's function with resources beside it, and a unit test under src/test/java. */
public class Index {

    public Response main(Request req, Response res) throws IOException {
        String template = resource("template.txt").strip();
        return res.send(template.replace("{name}", req.getPayload()) + " " + resource("data/config.json").strip());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Index.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "(no " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
