import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/** Takes as many milliseconds as the payload says, deaf to interrupts, then answers: for shutdown tests. */
public class Index {

    public Response main(Request req, Response res) {
        long millis = req.getPayload().isEmpty() ? 0 : Long.parseLong(req.getPayload());
        System.out.println("sleeping " + millis + " ms"); // tests wait for this line in the server's log
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException ignored) {
                // keep going: the runtime must still exit within its grace period
            }
        }
        return res.send("slept " + millis + " ms");
    }
}
