package io.openruntimes.quarkus.observe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in the classic runtime's log: every line of an execution, the
 * function's prints included, carries its id; one access line per execution; a function's
 * exception logged once. With metrics off (the default), /q/metrics is not there.
 */
@QuarkusTest
class ExecutionLogTest {

    private static final String KEY = "test-secret";

    private static io.restassured.response.Response execute(String payload) {
        return given().header("x-internal-challenge", KEY).contentType(ContentType.JSON)
                .body("{\"payload\":\"" + payload + "\"}").post("/");
    }

    @Test
    void overlappingExecutionsLogTheirOwnIds() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            List<String> markers = IntStream.range(0, 8).mapToObj(i -> "marker-" + i + "-" + System.nanoTime()).toList();
            CompletableFuture.allOf(markers.stream()
                    .map(marker -> CompletableFuture.runAsync(() -> execute("print:" + marker).then().statusCode(200)
                            .body(equalTo(marker))))
                    .toArray(CompletableFuture[]::new)).join();

            Set<String> ids = new HashSet<>();
            for (String marker : markers) {
                List<LogCapture.Line> printed = log.lines(line -> line.category().equals("function")
                        && line.message().endsWith(" " + marker));
                assertEquals(List.of("out " + marker, "err " + marker, "child " + marker, "tail " + marker),
                        printed.stream().map(LogCapture.Line::message).sorted((a, b) -> order(a) - order(b)).toList(),
                        "each print a line of its own, the last one without a newline too");
                String id = printed.get(0).execution();
                assertNotNull(id, "the function's prints carry the execution's id");
                assertTrue(printed.stream().allMatch(line -> id.equals(line.execution())), printed.toString());
                assertEquals("WARN", printed.stream().filter(line -> line.message().startsWith("err ")).findFirst()
                        .orElseThrow().level(), "System.err is logged at WARN");
                assertTrue(ids.add(id), "a fresh id per execution");

                List<LogCapture.Line> access = log.await(line -> line.category().equals("access") && id.equals(line.execution()), 1);
                assertEquals(1, access.size(), "one access line per execution: " + access);
                assertTrue(access.get(0).message().matches("POST / 200 answered [0-9.]+ ms, [0-9]+ B in, "
                        + marker.length() + " B out"), access.get(0).message());
            }
        }
    }

    @Test
    void aFunctionsExceptionIsLoggedOnceWithItsId() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String marker = "boom-" + System.nanoTime();
            execute("throw:" + marker).then().statusCode(500).body("message", containsString(marker));

            List<LogCapture.Line> access = log.await(line -> line.category().equals("access")
                    && line.message().startsWith("POST / 500 threw"), 1);
            assertEquals(1, access.size(), access.toString());
            String id = access.get(0).execution();
            List<LogCapture.Line> thrown = log.lines(line -> line.message().contains(marker));
            assertEquals(1, thrown.size(), "logged once: " + thrown);
            assertEquals("ERROR", thrown.get(0).level());
            assertEquals(id, thrown.get(0).execution());
            assertTrue(thrown.get(0).message().contains("IllegalStateException: " + marker), thrown.get(0).message());
        }
    }

    @Test
    void aRefusedExecutionHasItsAccessLineToo() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            given().header("x-internal-challenge", KEY).contentType(ContentType.JSON).body("{\"payload\":").post("/")
                    .then().statusCode(400);
            assertEquals(1, log.await(line -> line.category().equals("access")
                    && line.message().startsWith("POST / 400 refused"), 1).size());
        }
    }

    @Test
    void metricsAreOffByDefault() {
        given().get("/q/metrics").then().statusCode(401);
        given().header("x-internal-challenge", KEY).get("/q/metrics").then().statusCode(404)
                .body("message", containsString("OPENRUNTIMES_METRICS=true"));
    }

    private static int order(String message) {
        return List.of("out", "err", "child", "tail").indexOf(message.substring(0, message.indexOf(' ')));
    }
}
