package io.openruntimes.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The descriptor of a built function, {@code function.properties} (SPEC section 1): the function
 * API version it was compiled against, its entry class, its entrypoint file and its protocol.
 */
final class FunctionDescriptor {

    static final String FILE = "function.properties";
    /** Where the function API jar names its version. */
    static final String API_PROPERTIES = "META-INF/openruntimes/function-api.properties";

    private FunctionDescriptor() {
    }

    /** The {@code version} the function API jar declares. */
    static String apiVersion(Path apiJar) {
        if (!Files.isRegularFile(apiJar)) {
            throw new BuildFailure("the function API jar is missing: " + apiJar);
        }
        try (JarFile jar = new JarFile(apiJar.toFile())) {
            ZipEntry entry = jar.getEntry(API_PROPERTIES);
            if (entry == null) {
                throw new BuildFailure("the function API jar " + apiJar + " has no " + API_PROPERTIES + ": it is not the function API");
            }
            Properties properties = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                properties.load(in);
            }
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new BuildFailure("the function API jar's " + API_PROPERTIES + " names no version: " + apiJar);
            }
            return version.trim();
        } catch (IOException e) {
            throw new BuildFailure("the function API jar cannot be read (" + apiJar + "): " + e.getMessage());
        }
    }

    /** Writes {@code out/function.properties}, its keys sorted and without a date: the same build, the same file. */
    static void write(Path out, String apiVersion, String className, String entrypoint, String protocol) {
        Map<String, String> keys = new TreeMap<>(Map.of("api-version", apiVersion, "class", className,
                "entrypoint", entrypoint, "protocol", protocol));
        StringBuilder text = new StringBuilder("# The function this folder holds (written by the function builder).\n");
        keys.forEach((key, value) -> text.append(line(key, value)));
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(FILE), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One {@code key=value} line, escaped as {@link Properties} reads it. */
    private static String line(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter out = new StringWriter();
        try {
            one.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // store() begins with a date comment: the line after it is the entry.
        return out.toString().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow() + "\n";
    }

    /** Reads a descriptor back (for checks and tests). */
    static Properties read(Path out) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(out.resolve(FILE))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
