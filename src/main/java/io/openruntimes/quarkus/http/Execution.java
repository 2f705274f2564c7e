package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Request;
import java.time.Duration;

/** An execution as the executor sent it: the function's request, and the deadline if one was given. */
record Execution(Request request, Duration timeout) {

    static final Execution EMPTY = new Execution(new Request(), null);
}
