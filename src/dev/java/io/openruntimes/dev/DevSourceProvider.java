package io.openruntimes.dev;

import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.FunctionSourceProvider;
import io.openruntimes.quarkus.engine.MainSignature;

/** The engine's way into dev mode (META-INF/services): serves the folder dev.sh names, compiled again on a save. */
public final class DevSourceProvider implements FunctionSourceProvider {

    @Override
    public FunctionSource open(MainSignature signature, ClassLoader runtime) {
        return new DevFunctionSource(DevSettings.fromEnvironment(), signature, runtime).start();
    }
}
