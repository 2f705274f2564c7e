package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.edge.EdgeConfig;
import io.openruntimes.quarkus.edge.Protocol;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.engine.FunctionEntrypoint;
import io.openruntimes.quarkus.engine.Invoker;
import io.openruntimes.quarkus.engine.MainSignature;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The classic protocol's function: {@code Response main(Request req, Response res)} on one
 * instance for the whole process, loaded at start when this process speaks the classic protocol.
 */
@Startup
@Singleton
public class ClassicFunction {

    static final MainSignature MAIN = new MainSignature("main(Request req, Response res)", Response.class,
            List.of(Request.class, Response.class), false);

    private final Invoker invoker;
    private final FunctionEntrypoint entrypoint;

    public ClassicFunction(Invoker invoker, FunctionConfig function, EdgeConfig edge) {
        this.invoker = invoker;
        this.entrypoint = edge.protocol() == Protocol.CLASSIC ? invoker.load(function, MAIN) : null;
    }

    /** Runs one execution; the stage fails with the engine's ExecutionFailure when there is no response. */
    CompletionStage<Response> execute(Request request, Duration timeout) {
        return invoker.invoke(() -> (Response) entrypoint.call(request, new Response()), timeout);
    }
}
