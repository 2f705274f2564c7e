import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import org.junit.jupiter.api.Test;

/** Compiled by the function's own `mvn test`, never by build.sh: JUnit is not on the served class path. */
class IndexTest {

    @Test
    void fillsTheTemplate() throws Exception {
        Response res = new Index().main(new Request("Ada"), new Response());

        assertEquals("Hello, Ada! {\"source\":\"data/config.json\"}", res.getBody());
    }
}
