package io.openruntimes.quarkus.engine;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads dev mode's {@link FunctionSourceProvider} from the folder (or jar) given at start, in a
 * class loader of its own over the runtime's: the served runtime holds no dev code, and a
 * deployment (no such folder) never loads any.
 */
final class DevTools {

    private DevTools() {
    }

    /** Dev mode's source, or an unavailable entrypoint saying why the tools cannot be used. */
    static FunctionSource load(Path tools, MainSignature signature, ClassLoader runtime) {
        if (!Files.exists(tools)) {
            return unusable(tools, "it does not exist");
        }
        try {
            URLClassLoader loader = new URLClassLoader("dev-tools", new URL[] {tools.toUri().toURL()}, runtime);
            return ServiceLoader.load(FunctionSourceProvider.class, loader).findFirst()
                    .map(provider -> provider.open(signature, runtime))
                    .orElseGet(() -> unusable(tools, "it names no " + FunctionSourceProvider.class.getName()
                            + " in META-INF/services"));
        } catch (MalformedURLException | ServiceConfigurationError | LinkageError | RuntimeException e) {
            return unusable(tools, e.toString());
        }
    }

    private static FunctionSource unusable(Path tools, String why) {
        return FunctionSource.fixed(FunctionEntrypoint.unavailable(null,
                "The dev tools in " + tools + " (OPENRUNTIMES_DEV_TOOLS) cannot be used: " + why));
    }
}
