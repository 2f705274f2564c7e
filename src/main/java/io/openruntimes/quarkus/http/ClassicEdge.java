package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.Edge;
import io.openruntimes.quarkus.edge.ErrorForm;
import io.openruntimes.quarkus.edge.ExecutionGate;
import io.openruntimes.quarkus.edge.ExecutionTrace;
import io.openruntimes.quarkus.edge.Protocol;
import io.openruntimes.quarkus.edge.Speaks;
import io.openruntimes.quarkus.observe.ExecutionObserver;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * The classic protocol's edge: {@code POST /} with a JSON execution and {@code x-internal-challenge}.
 *
 * <p>An execution passes, in this order:
 * <ol>
 * <li>the challenge ({@link ChallengeFilter}), from the headers alone, ahead of every route;</li>
 * <li>the shared gate ({@link ExecutionGate}): traced from here (its id, access line and metrics),
 * admitted from its headers or refused 503, then its body read;</li>
 * <li>Quarkus REST: {@link OptionsFilter}, then {@link ExecutionResource}, which decodes the body,
 * runs the function and answers.</li>
 * </ol>
 */
@Singleton
@Speaks(Protocol.CLASSIC)
public class ClassicEdge implements Edge {

    /** Ahead of Quarkus's own body-limit route (the guard has enforced the limit) and of Quarkus REST. */
    private static final int GATE = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    private static final String BODY = ClassicEdge.class.getName() + ".body";

    private final ChallengeFilter challenge;
    private final ExecutionGate gate;
    private final ExecutionObserver observer;

    /** {@code function}: loaded now, at start, as the executor expects of a started runtime. */
    public ClassicEdge(ChallengeFilter challenge, ExecutionGate gate, ExecutionObserver observer, ClassicFunction function) {
        this.challenge = challenge;
        this.gate = gate;
        this.observer = observer;
    }

    @Override
    public ErrorForm errorForm() {
        return ErrorSchema.FORM;
    }

    /** On: the classic protocol keeps no log files, so standard output is where an operator sees its executions. */
    @Override
    public boolean accessLogByDefault() {
        return true;
    }

    @Override
    public void install(Router router) {
        challenge.install(router);
        router.post("/").order(GATE).handler(context -> {
            ExecutionTrace.begin(context, observer);
            gate.enter(context, ErrorSchema.FORM, body -> {
                context.put(BODY, body);
                context.next();
            });
        });
    }

    /** The body the gate read for this execution. */
    static byte[] body(RoutingContext context) {
        return context.get(BODY);
    }
}
