import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.RuntimeRequest;
import io.openruntimes.java.RuntimeResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function without a server: build a RuntimeContext, call main, check the RuntimeOutput. */
class IndexTest {

    @TempDir
    Path logs;

    @Test
    void greetsByTheNameInTheQuery() throws Exception {
        RuntimeRequest req = RuntimeRequest.of("GET", "/greet?name=Ada", Map.of(), "");
        RuntimeLogger logger = RuntimeLogger.open(logs, "test");

        RuntimeOutput output = new Index().main(new RuntimeContext(req, new RuntimeResponse(), logger));
        logger.close();

        assertEquals(200, output.getStatusCode());
        assertEquals("application/json", output.getHeaders().get("content-type"));
        assertEquals("{\"message\":\"Hello, Ada!\",\"method\":\"GET\",\"path\":\"/greet\"}",
                new String(output.getBody(), StandardCharsets.UTF_8));
        assertEquals("Greeting Ada\n", Files.readString(logs.resolve("test_logs.log")));
    }
}
