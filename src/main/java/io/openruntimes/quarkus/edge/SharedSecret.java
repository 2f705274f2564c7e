package io.openruntimes.quarkus.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** A secret the caller must repeat in a header, compared in constant time. */
public final class SharedSecret {

    private final byte[] secret;

    public SharedSecret(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a header sent once, with the secret as its value. A header sent twice is refused
     * whatever its values: one of them could be the secret and the other what a proxy or the
     * caller added.
     */
    public boolean matchesOnly(List<String> values) {
        return values.size() == 1 && matches(values.get(0));
    }

    /** Whether {@code given} (a header's value, or null when the header is missing) is the secret. */
    public boolean matches(String given) {
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        return given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
