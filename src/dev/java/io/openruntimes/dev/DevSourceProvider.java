package io.openruntimes.dev;

import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.FunctionSourceProvider;
import io.openruntimes.quarkus.engine.MainSignature;

/**
 * The engine's way into dev mode (META-INF/services): serves the folder dev.sh names, compiled
 * again on a save. The entry class is the one dev.sh found at start (OPENRUNTIMES_FUNCTION_CLASS,
 * which the engine reads too, to cut stack traces below it).
 */
public final class DevSourceProvider implements FunctionSourceProvider {

    @Override
    public FunctionSource open(MainSignature signature, ClassLoader runtime) {
        String className = System.getenv("OPENRUNTIMES_FUNCTION_CLASS");
        if (className == null || className.isBlank()) {
            throw new IllegalStateException("OPENRUNTIMES_FUNCTION_CLASS is not set: start dev mode with dev.sh");
        }
        return new DevFunctionSource(DevSettings.fromEnvironment(), className, signature, runtime).start();
    }
}
