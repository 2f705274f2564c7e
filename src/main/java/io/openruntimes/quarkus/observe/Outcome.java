package io.openruntimes.quarkus.observe;

import io.openruntimes.quarkus.engine.ExecutionFailure;

/** How an execution ended, as the access log and the metrics name it. */
public enum Outcome {
    /** The function gave an answer, whatever its status. */
    ANSWERED("answered"),
    /** The function threw or gave no answer, or the runtime failed while running it. */
    THREW("threw"),
    /** Its deadline passed first. */
    TIMED_OUT("timed_out"),
    /** Never run: a bad request, no room (admission), no entrypoint, shutting down. */
    REFUSED("refused");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** The name in the access log and the {@code outcome} tag of the metrics. */
    public String tag() {
        return tag;
    }

    /** The outcome of an execution that completed with {@code failure} ({@code null}: answered). */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return ANSWERED;
        }
        Throwable cause = ExecutionFailure.unwrap(failure);
        if (!(cause instanceof ExecutionFailure execution)) {
            return THREW;
        }
        return switch (execution.kind()) {
            case FUNCTION_THREW, NO_RESPONSE -> THREW;
            case TIMED_OUT -> TIMED_OUT;
            case ENTRYPOINT_UNAVAILABLE, SHUTTING_DOWN -> REFUSED;
        };
    }
}
