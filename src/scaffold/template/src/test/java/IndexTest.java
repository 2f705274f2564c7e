import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The function without a server: build a Request, call main, check the Response. */
class IndexTest {

    @Test
    void greetsByTheNameInTheEnvironment() throws Exception {
        Request req = new Request("ping", Map.of("NAME", "Ada"), Map.of());

        Response res = new Index().main(req, new Response());

        assertEquals(200, res.getStatusCode());
        assertEquals("application/json", res.getContentType());
        assertEquals("{\"message\":\"Hello, Ada!\",\"payload\":\"ping\"}", res.getBody());
    }
}
