package io.openruntimes.dev;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.openruntimes.java.RuntimeContext;
import java.util.Collection;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A v5 execution's context whose {@code context.log} and {@code context.error} lines also go to
 * the console, where the function's author watches dev mode: each line after the execution's id
 * (the console format's), as well as into the execution's log files when logging is on.
 */
final class ConsoleContext extends RuntimeContext {

    private static final Logger LOG = Logger.getLogger("function");
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private final RuntimeContext execution;

    private ConsoleContext(RuntimeContext execution) {
        super(execution.getReq(), execution.getRes(), null);
        this.execution = execution;
    }

    /** The arguments of {@code main(RuntimeContext)}, the context echoing. */
    static Object[] echoing(Object[] arguments) {
        return new Object[] {new ConsoleContext((RuntimeContext) arguments[0])};
    }

    @Override
    public void log(Object... messages) {
        execution.log(messages);
        LOG.info("context.log: " + line(messages));
    }

    @Override
    public void error(Object... messages) {
        execution.error(messages);
        LOG.error("context.error: " + line(messages));
    }

    /** As the log files have it: the messages joined by spaces, maps and collections as JSON. */
    private static String line(Object[] messages) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; messages != null && i < messages.length; i++) {
            Object message = messages[i];
            line.append(i > 0 ? " " : "")
                    .append(message instanceof Map || message instanceof Collection ? GSON.toJson(message) : String.valueOf(message));
        }
        return line.toString();
    }
}
