/* A block comment with a decoy: package not.this.one; */
// and a line comment: package nor.this.one;
package com.example.pinned;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;
import lib.Greeter;

/** Asks for an old Jackson in its pom.xml, which it gets: the runtime's own is in another class loader. */
public class Handler {

    public Response main(Request req, Response res) {
        return res.json(Map.of("greeting", Greeter.greet("pinned"), "jackson", PackageVersion.VERSION.toString()));
    }
}
