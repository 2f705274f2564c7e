package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a JVM build says of the function it packed ({@code function.properties} in the function
 * folder): the API it was compiled against, its entry class, the entrypoint file the executor
 * named, and the protocol it was built for.
 */
record FunctionDescriptor(String apiVersion, String className, String entrypoint, String protocol) {

    static final String FILE = "function.properties";

    /** Reads the folder's descriptor; the exception's message says what is wrong, in the operator's terms. */
    static FunctionDescriptor read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing: " + folder + " is not a function built by build.sh");
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " cannot be read: " + e.getMessage(), e);
        }
        return new FunctionDescriptor(required(properties, "api-version", file), required(properties, "class", file),
                required(properties, "entrypoint", file), required(properties, "protocol", file));
    }

    private static String required(Properties properties, String key, Path file) throws IOException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(file + " names no " + key + ": rebuild the function with build.sh");
        }
        return value.trim();
    }
}
