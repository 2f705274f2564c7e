package io.openruntimes.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's answers table (section 1), one test a row, against {@link ContractFunction}. */
@QuarkusTest
class ExecutionContractTest {

    static final String KEY = "test-secret";

    static RequestSpecification executor() {
        return given().header("x-internal-challenge", KEY).contentType(ContentType.JSON);
    }

    static String execution(String payload) {
        return "{\"payload\":\"" + payload + "\"}";
    }

    // Row: function ran and answered.

    @Test
    void answersTheFunctionsText() {
        executor().body(execution("hello")).post("/")
                .then().statusCode(200).header("Content-Type", "text/plain; charset=utf-8").body(equalTo("hello"));
    }

    @Test
    void answersTheFunctionsStatus() {
        executor().body(execution("status:418")).post("/")
                .then().statusCode(418).body(equalTo("status 418"));
    }

    @Test
    void answersTheFunctionsJsonOfARecord() {
        executor().body(execution("record")).post("/")
                .then().statusCode(201).header("Content-Type", "application/json")
                .body("message", equalTo("hi ✓")).body("numbers[1]", equalTo(2));
    }

    @Test
    void passesPayloadEnvAndHeadersThrough() {
        executor().body("{\"payload\":\"echo\",\"env\":{\"test-env\":\"x\",\"n\":3,\"b\":true},"
                        + "\"headers\":{\"X-Test-Header\":\"h\"},\"extra\":[1,{\"a\":2}]}")
                .post("/")
                .then().statusCode(200)
                .body("payload", equalTo("echo"))
                .body("env.test-env", equalTo("x")).body("env.n", equalTo("3")).body("env.b", equalTo("true"))
                .body("headers.x-test-header", equalTo("h"));
    }

    @Test
    void emptyBodyRunsTheFunctionAsEmptyObject() {
        given().header("x-internal-challenge", KEY).post("/").then().statusCode(200).body(equalTo("ok"));
        executor().body("{}").post("/").then().statusCode(200).body(equalTo("ok"));
    }

    @Test
    void garbageFieldsAreIgnored() {
        executor().body("{\"garbage\":\"garbage\"}").post("/").then().statusCode(200).body(equalTo("ok"));
    }

    // Row: challenge fails.

    @ParameterizedTest
    @ValueSource(strings = {"wrong", "", "test-secreT", "test-secret-and-more"})
    void wrongOrEmptyChallengeIsUnauthorized(String challenge) {
        int before = ContractFunction.calls();
        given().header("x-internal-challenge", challenge).body(execution("hello")).post("/")
                .then().statusCode(401).contentType("application/json")
                .body("code", equalTo(401)).body("message", equalTo("Unauthorized"));
        assertEquals(before, ContractFunction.calls(), "the function must not run");
    }

    @Test
    void missingChallengeIsUnauthorized() {
        given().body(execution("hello")).post("/")
                .then().statusCode(401).body("code", equalTo(401)).body("message", equalTo("Unauthorized"));
    }

    @Test
    void challengeHeaderNameIsCaseInsensitive() {
        given().header("X-Internal-Challenge", KEY).body(execution("hello")).post("/").then().statusCode(200);
    }

    // Row: body not JSON, not an object, or a field of the wrong type.

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json                       | not valid JSON",
            "{\"payload\":                  | not valid JSON",
            "[1,2]                          | must be a JSON object, got an array",
            "\"text\"                       | must be a JSON object, got a string",
            "{} {}                          | more follows",
            "{\"payload\":{\"a\":1}}        | 'payload' must be a string, got an object",
            "{\"payload\":12}               | 'payload' must be a string, got a number",
            "{\"timeout\":-1}               | 'timeout' must be a number of seconds greater than 0, got -1",
            "{\"timeout\":0}                | 'timeout' must be a number of seconds greater than 0, got 0",
            "{\"timeout\":\"10\"}           | 'timeout' must be a number of seconds greater than 0, got a string",
            "{\"env\":[\"a\"]}              | 'env' must be an object of strings, got an array",
            "{\"env\":{\"a\":{\"b\":1}}}    | 'env.a' must be a string, got an object",
            "{\"headers\":\"x\"}            | 'headers' must be an object of strings, got a string",
            "{\"headers\":{\"a\":null}}     | 'headers.a' must be a string, got null",
    })
    void badBodyIsBadRequest(String body, String why) {
        executor().body(body).post("/")
                .then().statusCode(400).contentType("application/json")
                .body("code", equalTo(400)).body("message", containsString(why));
    }

    // Row: body larger than the limit (default 20 MiB).

    @Test
    void bodyOverTheLimitIsTooLarge() {
        byte[] body = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        executor().body(body).post("/")
                .then().statusCode(413).contentType("application/json")
                .body("code", equalTo(413)).body("message", containsString("20 MiB"));
    }

    @Test
    void bodyJustUnderTheLimitRuns() {
        String payload = "x".repeat(20 * 1024 * 1024 - 100);
        executor().body(execution(payload)).post("/").then().statusCode(200);
    }

    // Row: method other than POST on /.

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void otherMethodsAreNotAllowed(String method) {
        executor().body("{}").request(method, "/")
                .then().statusCode(405).header("Allow", "POST").contentType("application/json")
                .body("code", equalTo(405)).body("message", allOf(containsString(method), containsString("POST")));
    }

    // Row: any other path.

    @ParameterizedTest
    @ValueSource(strings = {"/other", "/index.html", "/a/b/c"})
    void otherPathsAreNotFound(String path) {
        executor().body("{}").post(path)
                .then().statusCode(404).contentType("application/json")
                .body("code", equalTo(404)).body("message", equalTo("Not found"));
        executor().get(path).then().statusCode(404).body("message", equalTo("Not found"));
    }

    // Row: the function threw.

    @Test
    void functionThrowingAnswersItsStackTrace() {
        executor().body(execution("throw:broken on purpose")).post("/")
                .then().statusCode(500).contentType("application/json")
                .body("code", equalTo(500))
                .body("message", startsWith("java.lang.IllegalStateException: broken on purpose"))
                .body("message", containsString("at io.openruntimes.quarkus.ContractFunction.fail("))
                .body("message", containsString("at io.openruntimes.quarkus.ContractFunction.main("))
                .body("message", containsString("Caused by: java.lang.NumberFormatException"))
                .body("message", not(containsString("io.openruntimes.quarkus.engine")))
                .body("message", not(containsString("java.util.concurrent.ThreadPoolExecutor")));
    }

    // Row: the function returned null.

    @Test
    void functionReturningNullIsAnError() {
        executor().body(execution("null")).post("/")
                .then().statusCode(500).body("code", equalTo(500))
                .body("message", containsString("must return the response"));
    }

    // Row: deadline passed.

    // Timing assertions prove "answered at the deadline, not when the function finished", with
    // margins wide enough for a loaded shared machine; the benchmark measures the real figures.

    @Test
    void deadlineAnswersAtTheDeadlineAndShowsWhereTheFunctionWas() {
        long start = System.nanoTime();
        executor().body("{\"payload\":\"sleep:30000\",\"timeout\":1}").post("/")
                .then().statusCode(500).contentType("application/json")
                .body("code", equalTo(500))
                .body("message", startsWith("Execution timed out after 1 second"))
                .body("message", containsString("java.lang.Thread.sleep"))
                .body("message", containsString("at io.openruntimes.quarkus.ContractFunction.main("))
                .body("message", not(containsString("io.openruntimes.quarkus.engine")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 1000 && millis < 10_000, "answered after " + millis + " ms");
    }

    @Test
    void fractionalDeadlinesWork() {
        executor().body("{\"payload\":\"sleep:30000\",\"timeout\":0.5}").post("/")
                .then().statusCode(500).body("message", startsWith("Execution timed out after 0.5 seconds"));
        executor().body("{\"payload\":\"sleep:10\",\"timeout\":5.5}").post("/")
                .then().statusCode(200).body(equalTo("slept 10"));
    }

    @Test
    void functionIgnoringInterruptsDoesNotHoldUpOthers() {
        executor().body("{\"payload\":\"spin:8000\",\"timeout\":0.3}").post("/")
                .then().statusCode(500).time(lessThan(6000L)).body("message", startsWith("Execution timed out"));
        // Its thread still spins; the server goes on serving.
        executor().body(execution("hello")).post("/").then().statusCode(200).time(lessThan(6000L));
    }

    @Test
    void oneSlowExecutionNeverDelaysAnother() {
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(
                () -> executor().body(execution("sleep:8000")).post("/").statusCode());
        for (int i = 0; i < 20; i++) {
            executor().body(execution("fast")).post("/").then().statusCode(200);
        }
        assertTrue(!slow.isDone(), "twenty fast executions finished while the slow one still ran");
        assertEquals(200, slow.join());
    }
}
