package io.openruntimes.quarkus.engine;

/**
 * One execution's work, as a wire protocol's edge prepared it: decode nothing here, just call
 * the function. Runs on a function thread; returning {@code null} means the function gave no answer.
 */
@FunctionalInterface
public interface FunctionCall<T> {

    T call() throws Throwable;
}
