package io.openruntimes.java;

/**
 * What {@code main} is called with: the request, the response factory and the execution's log.
 *
 * <pre>{@code
 * public class Index {
 *     public RuntimeOutput main(RuntimeContext context) throws Exception {
 *         context.log("path", context.getReq().getPath());
 *         return context.getRes().text("Hello");
 *     }
 * }
 * }</pre>
 */
public class RuntimeContext {

    private final RuntimeRequest req;
    private final RuntimeResponse res;
    private final RuntimeLogger logger;

    /** Made by the runtime for each execution. */
    public RuntimeContext(RuntimeRequest req, RuntimeResponse res, RuntimeLogger logger) {
        this.req = req;
        this.res = res;
        this.logger = logger;
    }

    public RuntimeRequest getReq() {
        return req;
    }

    public RuntimeResponse getRes() {
        return res;
    }

    /**
     * Writes the messages, joined by spaces, as one line of the execution's logs: a Map, List or
     * Set as JSON, anything else with {@code toString()}. A line over 8000 characters is cut.
     */
    public void log(Object... messages) {
        logger.log(messages);
    }

    /** As {@link #log(Object...)}, into the execution's errors. */
    public void error(Object... messages) {
        logger.error(messages);
    }
}
