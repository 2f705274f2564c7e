package io.openruntimes.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The executor's six cases for the seed function (contract section 4), against whatever server
 * {@link #executor()} points at: in-process under Quarkus, or a process started by start.sh.
 */
public abstract class SeedCases {

    /** A request to the server under test, challenge included. */
    protected abstract RequestSpecification executor();

    private ValidatableResponse execute(Object body) {
        RequestSpecification request = executor().contentType("application/json");
        return (body == null ? request : request.body(body)).post("/")
                .then().statusCode(200).contentType("application/json")
                .body("isTest", equalTo(true))
                .body("message", equalTo("Hello Open Runtimes 👋"));
    }

    private static void todo(ValidatableResponse answer, int id, String title) {
        answer.body("todo.userId", equalTo(1)).body("todo.id", equalTo(id))
                .body("todo.title", equalTo(title)).body("todo.completed", equalTo(false));
    }

    @Test
    void emptyBody() {
        ValidatableResponse answer = execute(null).body("header", nullValue()).body("env", nullValue());
        todo(answer, 1, "delectus aut autem");
    }

    @Test
    void emptyPayload() {
        todo(execute(Map.of("payload", "{}")), 1, "delectus aut autem");
    }

    @Test
    void payloadWithId() {
        todo(execute(Map.of("payload", "{\"id\":\"2\"}")), 2, "quis ut nam facilis et officia qui");
    }

    @Test
    void headersAndEnv() {
        ValidatableResponse answer = execute(Map.of(
                "headers", Map.of("x-test-header", "Header value"),
                "env", Map.of("test-env", "Variable value")));
        answer.body("header", equalTo("Header value")).body("env", equalTo("Variable value"));
        todo(answer, 1, "delectus aut autem");
    }

    @Test
    void payloadHeadersAndEnv() {
        ValidatableResponse answer = execute(Map.of(
                "payload", "{\"id\":\"2\"}",
                "headers", Map.of("x-test-header", "Header value"),
                "env", Map.of("test-env", "Variable value")));
        answer.body("header", equalTo("Header value")).body("env", equalTo("Variable value"));
        todo(answer, 2, "quis ut nam facilis et officia qui");
    }

    @Test
    void garbageBody() {
        todo(execute("{\"garbage\":\"garbage\"}").body("header", nullValue()), 1, "delectus aut autem");
    }

    /** The plain challenge header, for subclasses. */
    protected static RequestSpecification withKey(String key) {
        return given().header("x-internal-challenge", key);
    }
}
