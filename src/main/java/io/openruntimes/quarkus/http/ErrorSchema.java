package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.ErrorForm;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;

/** The classic protocol's error form: {@code {"code": <status>, "message": "..."}}, as JSON. */
public final class ErrorSchema implements ErrorForm {

    public static final ErrorSchema FORM = new ErrorSchema();

    private ErrorSchema() {
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] body(int status, String message) {
        return Json.encode(new ErrorBody(status, message)).getBytes(StandardCharsets.UTF_8);
    }
}
