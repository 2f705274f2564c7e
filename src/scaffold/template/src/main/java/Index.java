import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The function: one instance serves every execution, possibly several at once. */
public class Index {

    /** Read once: src/main/resources is on the function's class path. */
    private final String greeting = resource("greeting.txt").strip();

    /** The answer's JSON: a record's fields, in their order. */
    public record Greeting(String message, String payload) {
    }

    public Response main(Request req, Response res) throws Exception {
        String name = req.getEnv().getOrDefault("NAME", "world");
        return res.json(new Greeting(greeting + ", " + name + "!", req.getPayload()));
    }

    private static String resource(String name) {
        try (InputStream in = Index.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
