package io.openruntimes.quarkus.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.openruntimes.quarkus.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the executor's JSON body: {@code payload}, {@code env}, {@code headers}, {@code timeout}.
 *
 * <p>A streaming parser, in one pass and without an intermediate tree: this runs on every
 * execution. Unknown fields are skipped; a known field of the wrong type is an error naming it.
 */
final class ExecutionDecoder {

    // The body size limit is the HTTP server's job; the parser must not impose a smaller one.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private ExecutionDecoder() {
    }

    static Execution decode(byte[] body) {
        if (body == null || body.length == 0) {
            return Execution.EMPTY;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Execution.EMPTY;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidExecutionException("The body must be a JSON object, got " + describe(token));
            }
            String payload = "";
            Map<String, String> env = Map.of();
            Map<String, String> headers = Map.of();
            Duration timeout = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "payload" -> payload = payload(parser, value);
                    case "env" -> env = strings(parser, value, "env", false);
                    case "headers" -> headers = strings(parser, value, "headers", true);
                    case "timeout" -> timeout = timeout(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidExecutionException("The body must hold one JSON object, but more follows it");
            }
            return new Execution(new Request(payload, env, headers), timeout);
        } catch (JsonProcessingException e) {
            throw new InvalidExecutionException("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String payload(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidExecutionException("Field 'payload' must be a string, got " + describe(value));
        }
        return parser.getText();
    }

    /** An object of strings; numbers and booleans become their string form. */
    private static Map<String, String> strings(JsonParser parser, JsonToken value, String field, boolean lowerCaseKeys)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (value != JsonToken.START_OBJECT) {
            throw new InvalidExecutionException("Field '" + field + "' must be an object of strings, got " + describe(value));
        }
        Map<String, String> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken entry = parser.nextToken();
            if (!entry.isScalarValue() || entry == JsonToken.VALUE_NULL) {
                throw new InvalidExecutionException("Field '" + field + "." + key + "' must be a string, got " + describe(entry));
            }
            map.put(lowerCaseKeys ? key.toLowerCase(Locale.ROOT) : key, parser.getText());
        }
        return map;
    }

    private static Duration timeout(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isNumeric()) {
            throw new InvalidExecutionException("Field 'timeout' must be a number of seconds greater than 0, got " + describe(value));
        }
        double seconds = parser.getDoubleValue();
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new InvalidExecutionException("Field 'timeout' must be a number of seconds greater than 0, got " + parser.getText());
        }
        // Past about 292 years a Duration in nanoseconds overflows; any ceiling is far below that.
        return seconds >= 9e9 ? Duration.ofSeconds((long) 9e9) : Duration.ofNanos((long) (seconds * 1e9));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
