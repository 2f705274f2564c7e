package io.openruntimes.quarkus.engine;

import java.util.concurrent.CompletionException;

/**
 * Why an execution produced no answer from the function. The message is complete and meant
 * for the function's author; a wire protocol maps the {@link Kind} to its own status codes.
 */
public final class ExecutionFailure extends RuntimeException {

    public enum Kind {
        /** The entrypoint class or its {@code main} cannot be used. */
        ENTRYPOINT_UNAVAILABLE,
        /** The function threw. */
        FUNCTION_THREW,
        /** The function returned {@code null}. */
        NO_RESPONSE,
        /** The deadline passed before the function returned. */
        TIMED_OUT,
        /** The process is stopping (SIGTERM): running executions finish, new ones are refused. */
        SHUTTING_DOWN
    }

    private final Kind kind;

    public ExecutionFailure(Kind kind, String message) {
        // The runtime's own stack says nothing useful to the caller: don't pay for it.
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What a stage failed with: the cause a CompletionException wraps, or the failure itself. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
