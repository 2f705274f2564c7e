import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The function (the v5 API): a new instance for every execution, whatever its method and path. */
public class Index {

    /** Read once: src/main/resources is on the function's class path. */
    private static final String GREETING = resource("greeting.txt").strip();

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        String name = context.getReq().getQuery().getOrDefault("name", "world");
        context.log("Greeting " + name);
        Map<String, Object> answer = new LinkedHashMap<>(); // the JSON's fields in this order
        answer.put("message", GREETING + ", " + name + "!");
        answer.put("method", context.getReq().getMethod());
        answer.put("path", context.getReq().getPath());
        return context.getRes().json(answer);
    }

    private static String resource(String name) {
        try (InputStream in = Index.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
