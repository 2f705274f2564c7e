package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

/**
 * The function API: the classes a function shares with the runtime (both protocols' APIs), and
 * the API's version, read from the resource the builder copies into every function's descriptor.
 */
public final class FunctionApi {

    /**
     * The API's classes (their nested classes too): upstream's v5 API, whose package functions
     * written for upstream share (their own classes there are theirs), and the classic API's two;
     * Json is the classic API's own, reached through Response.
     */
    private static final Set<String> CLASSES = Set.of("io.openruntimes.java.RuntimeContext",
            "io.openruntimes.java.RuntimeRequest", "io.openruntimes.java.RuntimeResponse", "io.openruntimes.java.RuntimeOutput",
            "io.openruntimes.java.RuntimeLogger", "io.openruntimes.quarkus.Request", "io.openruntimes.quarkus.Response");
    private static final String VERSION_RESOURCE = "META-INF/openruntimes/function-api.properties";

    /** The version this runtime implements, {@code major.minor}. */
    public static final String VERSION = readVersion();

    private FunctionApi() {
    }

    static boolean isApiClass(String name) {
        int nested = name.indexOf('$');
        return CLASSES.contains(nested < 0 ? name : name.substring(0, nested));
    }

    /**
     * Whether a function compiled against API {@code version} runs on this runtime: the same
     * major version, and a minor one no greater than ours (a newer minor may use what we lack).
     */
    static boolean serves(String version) {
        int[] ours = parse(VERSION);
        int[] theirs = parse(version);
        return theirs != null && theirs[0] == ours[0] && theirs[1] <= ours[1];
    }

    private static int[] parse(String version) {
        String[] parts = version == null ? new String[0] : version.trim().split("\\.");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String readVersion() {
        try (InputStream in = FunctionApi.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " is missing from the runtime");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
