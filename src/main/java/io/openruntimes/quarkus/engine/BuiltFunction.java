package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A function as a JVM build packs it: a folder with its descriptor, {@code classes/} and
 * {@code lib/*.jar}, loaded in a {@link FunctionClassLoader} of its own. A folder this runtime
 * cannot serve (no descriptor, another API version, the other protocol, another entrypoint than
 * the executor names at start) gives an unavailable entrypoint whose message every execution
 * answers with.
 */
public final class BuiltFunction {

    private static final Logger LOG = Logger.getLogger(BuiltFunction.class);

    private BuiltFunction() {
    }

    public static FunctionEntrypoint load(Path folder, Optional<String> startEntrypoint, ClassLoader runtime, MainSignature signature) {
        FunctionDescriptor descriptor;
        try {
            descriptor = FunctionDescriptor.read(folder);
        } catch (IOException e) {
            return FunctionEntrypoint.unavailable(null, e.getMessage());
        }
        Optional<String> problem = refusal(descriptor, signature)
                .or(() -> EntrypointAtStart.mismatch(descriptor.entrypoint(), startEntrypoint));
        if (problem.isPresent()) {
            return FunctionEntrypoint.unavailable(descriptor.className(), problem.get());
        }
        List<Path> classPath;
        try {
            classPath = classPath(folder);
        } catch (IOException e) {
            return FunctionEntrypoint.unavailable(descriptor.className(), "The function's jars in " + folder.resolve("lib")
                    + " cannot be listed: " + e);
        }
        FunctionClassLoader loader = new FunctionClassLoader("function", classPath, runtime, "v5".equals(descriptor.protocol()));
        registerJdbcDrivers(loader);
        return FunctionEntrypoint.load(descriptor.className(), descriptor.entrypoint(), loader, signature);
    }

    /**
     * DriverManager looks drivers up through ServiceLoader once per process, with whatever class
     * loader is current then: the function's drivers are loaded with the function, so that they
     * are registered whoever touched DriverManager first. Only for functions whose jars name one.
     */
    private static void registerJdbcDrivers(FunctionClassLoader loader) {
        if (loader.findResource("META-INF/services/java.sql.Driver") == null) {
            return;
        }
        ClassLoader before = FunctionEntrypoint.enter(loader);
        try {
            ServiceLoader.load(java.sql.Driver.class, loader).stream().forEach(ServiceLoader.Provider::get);
        } catch (ServiceConfigurationError | LinkageError e) {
            LOG.warnf("A JDBC driver the function's jars declare cannot be loaded: %s", e);
        } finally {
            FunctionEntrypoint.exit(before);
        }
    }

    /** Why this runtime, started for {@code signature}'s protocol, does not serve the build, if it does not. */
    static Optional<String> refusal(FunctionDescriptor descriptor, MainSignature signature) {
        if (!FunctionApi.serves(descriptor.apiVersion())) {
            return Optional.of("This function was compiled against function API " + descriptor.apiVersion()
                    + ", and this runtime serves API " + FunctionApi.VERSION + " (and older ones of the same major version)"
                    + ": build it again with this runtime's " + buildScript(signature.protocol()));
        }
        if (!descriptor.protocol().equals(signature.protocol())) {
            return Optional.of("This function was built for the " + descriptor.protocol() + " protocol ("
                    + buildScript(descriptor.protocol()) + "), and this runtime was started for the " + signature.protocol()
                    + " protocol (" + startScript(signature.protocol()) + "): build it with " + buildScript(signature.protocol())
                    + ", or start it with " + startScript(descriptor.protocol()));
        }
        return Optional.empty();
    }

    /** The classes folder, then the jars in name order: the same class path on every start. */
    static List<Path> classPath(Path folder) throws IOException {
        List<Path> classPath = new ArrayList<>();
        classPath.add(folder.resolve("classes"));
        Path lib = folder.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(classPath::add);
            }
        }
        return classPath;
    }

    private static String buildScript(String protocol) {
        return "v5".equals(protocol) ? "helpers/build.sh" : "build.sh";
    }

    private static String startScript(String protocol) {
        return "v5".equals(protocol) ? "helpers/start.sh" : "start.sh";
    }
}
