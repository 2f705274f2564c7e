import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;

/**
 * Built once while the image is built, so that everything build.sh needs is in the image: then a
 * function without dependencies of its own builds offline.
 */
public class Index {

    public Response main(Request req, Response res) {
        return res.send("warm");
    }
}
