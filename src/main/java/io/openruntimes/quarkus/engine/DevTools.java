package io.openruntimes.quarkus.engine;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads dev mode's {@link FunctionSourceProvider} from the folders (or jars) given at start, in a
 * class loader of their own over the runtime's: the served runtime holds no dev code, and a
 * deployment (none given) never loads any.
 */
final class DevTools {

    private DevTools() {
    }

    /** Dev mode's source, or an unavailable entrypoint saying why the tools cannot be used. */
    static FunctionSource load(List<Path> tools, MainSignature signature, ClassLoader runtime) {
        Optional<Path> missing = tools.stream().filter(path -> !Files.exists(path)).findFirst();
        if (missing.isPresent()) {
            return unusable(tools, missing.get() + " does not exist");
        }
        try {
            URL[] urls = new URL[tools.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = tools.get(i).toUri().toURL();
            }
            URLClassLoader loader = new URLClassLoader("dev-tools", urls, runtime);
            return ServiceLoader.load(FunctionSourceProvider.class, loader).findFirst()
                    .map(provider -> provider.open(signature, runtime))
                    .orElseGet(() -> unusable(tools, "they name no " + FunctionSourceProvider.class.getName()
                            + " in META-INF/services"));
        } catch (MalformedURLException | ServiceConfigurationError | LinkageError | RuntimeException e) {
            return unusable(tools, e.toString());
        }
    }

    private static FunctionSource unusable(List<Path> tools, String why) {
        return FunctionSource.fixed(FunctionEntrypoint.unavailable(null,
                "The dev tools in " + tools + " (OPENRUNTIMES_DEV_TOOLS) cannot be used: " + why));
    }
}
