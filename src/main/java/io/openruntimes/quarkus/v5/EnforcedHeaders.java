package io.openruntimes.quarkus.v5;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** OPEN_RUNTIMES_HEADERS, read once at start: lower-case names, every value a string. */
final class EnforcedHeaders {

    private static final Logger LOG = Logger.getLogger(EnforcedHeaders.class);

    private EnforcedHeaders() {
    }

    static Map<String, String> parse(Optional<String> json) {
        if (json.isEmpty() || json.get().isBlank()) {
            return Map.of();
        }
        JsonObject object;
        try {
            JsonElement parsed = JsonParser.parseString(json.get());
            if (!parsed.isJsonObject()) {
                LOG.warnf("OPEN_RUNTIMES_HEADERS is not a JSON object, no header is enforced: %s", json.get());
                return Map.of();
            }
            object = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            LOG.warnf("OPEN_RUNTIMES_HEADERS is not valid JSON, no header is enforced: %s", e.getMessage());
            return Map.of();
        }
        java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            JsonElement value = entry.getValue();
            // getAsString keeps a number as written: 248 stays "248", never "248.0".
            headers.put(entry.getKey().toLowerCase(Locale.ROOT),
                    value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
        return Map.copyOf(headers);
    }
}
