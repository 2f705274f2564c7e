package io.openruntimes.quarkus.engine;

/**
 * Dev mode's way in: a {@link java.util.ServiceLoader} provider in the folder or jar that
 * {@code OPENRUNTIMES_DEV_TOOLS} names, loaded with the runtime's class loader as its parent (so
 * it builds on {@link FunctionClassLoader} and {@link FunctionEntrypoint}), never part of the
 * served runtime. It reads its own settings (which folder, which entry class) from its own
 * variables.
 */
public interface FunctionSourceProvider {

    /**
     * The source every execution asks for its entrypoint.
     *
     * @param signature the {@code main} this runtime's protocol calls
     * @param runtime the runtime's class loader, which holds the function API
     */
    FunctionSource open(MainSignature signature, ClassLoader runtime);
}
