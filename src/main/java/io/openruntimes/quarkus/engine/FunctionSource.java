package io.openruntimes.quarkus.engine;

/**
 * Where each execution's entrypoint comes from. The edges ask for it once per execution, on the
 * execution's function thread and under its deadline: a deployment's is {@linkplain #fixed fixed}
 * (the function folder read once, at start); dev mode's (a {@link FunctionSourceProvider} the
 * runtime loads from {@code OPENRUNTIMES_DEV_TOOLS}) compiles a saved source first and answers
 * with a new class loader.
 */
@FunctionalInterface
public interface FunctionSource {

    /**
     * The entrypoint the execution calls.
     *
     * @throws ExecutionFailure when this execution has none (dev mode: the function does not
     *         compile); the edge answers its message in the protocol's error form
     */
    FunctionEntrypoint entrypoint();

    /** The same entrypoint for every execution: a deployment's. */
    static FunctionSource fixed(FunctionEntrypoint entrypoint) {
        return () -> entrypoint;
    }
}
