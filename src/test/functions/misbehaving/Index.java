import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Misbehaves as the payload asks, for the memory and exit tests:
 * {@code oom} allocates until the heap is full and lets go; {@code leak} does the same but keeps it;
 * {@code exit} calls System.exit(1); {@code allocate:<MB>} holds that many megabytes (10^6 bytes,
 * in 1 MB arrays) for the execution and answers how many; {@code sleep:<ms>} sleeps; any other payload (a big body) is
 * held a moment, so that many overlap, and answered with its length.
 */
public class Index {

    private static final List<byte[]> KEPT = new ArrayList<>();

    public Response main(Request req, Response res) throws InterruptedException {
        String payload = req.getPayload();
        switch (payload) {
            case "oom" -> {
                List<byte[]> local = new ArrayList<>();
                while (true) {
                    local.add(new byte[4 * 1024 * 1024]);
                }
            }
            case "leak" -> {
                while (true) {
                    KEPT.add(new byte[4 * 1024 * 1024]);
                }
            }
            case "exit" -> {
                System.out.println("calling System.exit(1)");
                System.exit(1);
                return res.send("still here");
            }
            default -> {
                if (payload.startsWith("allocate:")) {
                    int megabytes = Integer.parseInt(payload.substring("allocate:".length()));
                    List<byte[]> held = new ArrayList<>();
                    for (int i = 0; i < megabytes; i++) {
                        held.add(new byte[1_000_000]);
                    }
                    return res.send("held " + held.size() + " MB");
                }
                if (payload.startsWith("sleep:")) {
                    long millis = Long.parseLong(payload.substring("sleep:".length()));
                    System.out.println("sleeping " + millis + " ms"); // tests wait for this line
                    Thread.sleep(millis);
                    return res.send("slept " + millis + " ms");
                }
                Thread.sleep(300);
                return res.send(Integer.toString(payload.length()));
            }
        }
    }
}
