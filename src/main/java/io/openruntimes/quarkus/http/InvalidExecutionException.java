package io.openruntimes.quarkus.http;

/** The execution body cannot be used; the message says which field and why. Answered with 400. */
final class InvalidExecutionException extends RuntimeException {

    InvalidExecutionException(String message) {
        super(message, null, false, false);
    }
}
