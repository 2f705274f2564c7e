package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.engine.FunctionOutput;
import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.Invoker;
import io.openruntimes.quarkus.engine.MainSignature;
import io.openruntimes.quarkus.observe.OutputLog;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The classic protocol's function: {@code Response main(Request req, Response res)} on one
 * instance for the whole process, loaded at start by the classic edge (edge/ProtocolSwitch).
 */
@Singleton
public class ClassicFunction {

    static final MainSignature MAIN = new MainSignature("classic", "main(Request req, Response res)", Response.class,
            List.of(Request.class, Response.class), false);

    private final Invoker invoker;
    private final FunctionSource source;

    public ClassicFunction(Invoker invoker, FunctionConfig function) {
        this.invoker = invoker;
        this.source = invoker.load(function, MAIN);
        FunctionOutput.install();
    }

    /**
     * Runs execution {@code id}, what its function prints going to the log with that id; the
     * stage fails with the engine's ExecutionFailure when there is no response.
     */
    CompletionStage<Response> execute(String id, Request request, Duration timeout) {
        return invoker.invoke(id, () -> {
            OutputLog output = new OutputLog(id);
            FunctionOutput.enter(output);
            try {
                return (Response) source.entrypoint().call(request, new Response());
            } finally {
                FunctionOutput.exit();
                output.flush();
            }
        }, timeout);
    }
}
