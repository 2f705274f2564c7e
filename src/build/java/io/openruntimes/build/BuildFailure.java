package io.openruntimes.build;

/**
 * A build stopped by something the function's author can fix; the message says what, in their
 * terms. The details, when there are some (a compiler's or Maven's own lines), come before it.
 */
final class BuildFailure extends RuntimeException {

    private final String details;

    BuildFailure(String message) {
        this(message, null);
    }

    BuildFailure(String message, String details) {
        super(message);
        this.details = details;
    }

    /** What to show above the message (many lines), or null. */
    String details() {
        return details;
    }
}
