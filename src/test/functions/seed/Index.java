import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The Open Runtimes test function (contract section 4). Gson comes from Maven Central through
 * this folder's pom.xml, which proves that a function's dependencies are installed.
 */
public class Index {

    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    private static final TypeToken<Map<String, Object>> OBJECT = new TypeToken<>() {
    };
    private final HttpClient http = HttpClient.newHttpClient();

    public Response main(Request req, Response res) throws Exception {
        String payload = req.getPayload().isEmpty() ? "{}" : req.getPayload();
        Map<String, Object> input = GSON.fromJson(payload, OBJECT);
        String id = String.valueOf(input.getOrDefault("id", "1"));

        HttpRequest fetch = HttpRequest.newBuilder(URI.create(todoBaseUrl() + "/todos/" + id)).GET().build();
        String body = http.send(fetch, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Object> todo = GSON.fromJson(body, OBJECT);

        Map<String, Object> answer = new HashMap<>();
        answer.put("isTest", true);
        answer.put("message", "Hello Open Runtimes 👋");
        answer.put("header", req.getHeaders().get("x-test-header"));
        answer.put("env", req.getEnv().get("test-env"));
        answer.put("todo", todo);
        return res.json(answer);
    }

    /** Tests run offline: they point JSONPLACEHOLDER_URL (environment or system property) at a stand-in. */
    private static String todoBaseUrl() {
        String url = System.getProperty("JSONPLACEHOLDER_URL", System.getenv("JSONPLACEHOLDER_URL"));
        return url == null || url.isBlank() ? "https://jsonplaceholder.typicode.com" : url;
    }
}
