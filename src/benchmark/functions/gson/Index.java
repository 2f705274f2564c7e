import com.google.gson.Gson;
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;

/** Benchmark function with one Maven dependency (deps.gradle): its warm build resolves Gson with Maven. */
public class Index {

    private static final Gson GSON = new Gson();

    public Response main(Request req, Response res) {
        return res.send(GSON.toJson(Map.of("ok", true)));
    }
}
