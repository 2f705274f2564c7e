package io.openruntimes.quarkus.v5;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.quarkus.engine.FunctionConfig;
import io.openruntimes.quarkus.engine.FunctionOutput;
import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.Invoker;
import io.openruntimes.quarkus.engine.MainSignature;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The v5 function: {@code RuntimeOutput main(RuntimeContext context)} on a new instance for
 * every execution (as upstream), loaded at start by the v5 edge (edge/ProtocolSwitch).
 */
@Singleton
public class V5Function {

    static final MainSignature MAIN = new MainSignature("v5", "main(RuntimeContext context)", RuntimeOutput.class,
            List.of(RuntimeContext.class), true);

    private final Invoker invoker;
    private final FunctionSource source;

    public V5Function(Invoker invoker, FunctionConfig function) {
        this.invoker = invoker;
        this.source = invoker.load(function, MAIN);
    }

    /**
     * Runs execution {@code id} with its native output going to {@code capture}; the stage fails
     * with the engine's ExecutionFailure when there is no output.
     */
    CompletionStage<RuntimeOutput> execute(String id, RuntimeContext context, NativeOutput capture, Duration timeout) {
        return invoker.invoke(id, () -> {
            FunctionOutput.enter(capture);
            try {
                return (RuntimeOutput) source.entrypoint().call(context);
            } finally {
                FunctionOutput.exit();
            }
        }, timeout);
    }
}
