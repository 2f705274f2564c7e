import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

/** Benchmark function: a small JSON answer, so serialisation is part of what is measured. */
public class Index {

    public Response main(Request req, Response res) {
        return res.json(Map.of(
                "message", "Hello Open Runtimes",
                "payloadLength", req.getPayload().length(),
                "ok", true));
    }
}
