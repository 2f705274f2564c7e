package io.openruntimes.quarkus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON encoder behind {@link Response#json}: a plain Jackson mapper, so a function's
 * unit tests see byte for byte what the server sends, with or without Quarkus around.
 */
final class Json {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build()
            .writer();

    private Json() {
    }

    static byte[] encode(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "res.json(...) cannot serialise " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
