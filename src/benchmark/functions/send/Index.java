import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** Benchmark function: the smallest possible answer, so the runtime's own cost dominates. */
public class Index {

    public Response main(Request req, Response res) {
        return res.send("ok");
    }
}
