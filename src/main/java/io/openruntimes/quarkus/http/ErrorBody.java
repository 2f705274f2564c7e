package io.openruntimes.quarkus.http;

/** The Open Runtimes error schema: {@code {"code": <HTTP status>, "message": "..."}}. */
public record ErrorBody(int code, String message) {
}
