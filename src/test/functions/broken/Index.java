import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

public class Index {

    public Response main(Request req, Response res) {
        return res.send(undefinedVariable);
    }
}
