package io.openruntimes.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.Index;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample function, unit-tested the way a function author would: plain JUnit, no server. */
class HelloFunctionTest {

    private final Index function = new Index();

    @Test
    void greetsInJson() {
        Response res = function.main(new Request("hi", Map.of("GREETING_NAME", "Ada"), Map.of()), new Response());

        assertEquals(200, res.getStatusCode());
        assertEquals("application/json", res.getContentType());
        assertEquals("{\"message\":\"Hello, Ada!\",\"payload\":\"hi\"}", res.getBody());
    }

    @Test
    void greetsInText() {
        Response res = function.main(new Request("text"), new Response());

        assertEquals(200, res.getStatusCode());
        assertEquals("text/plain; charset=utf-8", res.getContentType());
        assertEquals("Hello, world!", res.getBody());
    }
}
