import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** Never compiled: its pom asks for a Java release that does not exist. */
public class Index {

    public Response main(Request req, Response res) {
        return res.send("unreachable");
    }
}
