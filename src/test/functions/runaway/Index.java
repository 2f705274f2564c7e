import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** Spins forever, deaf to interrupts, when asked to: the runtime must still answer and still exit. */
public class Index {

    public Response main(Request req, Response res) {
        if (req.getPayload().equals("spin")) {
            long spins = 0;
            while (spins >= 0) {
                spins++;
            }
        }
        return res.send("ok");
    }
}
