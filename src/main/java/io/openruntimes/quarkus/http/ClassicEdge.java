package io.openruntimes.quarkus.http;

import io.openruntimes.quarkus.edge.Edge;
import io.openruntimes.quarkus.edge.ErrorForm;
import io.openruntimes.quarkus.edge.Protocol;
import io.openruntimes.quarkus.edge.Speaks;
import io.vertx.ext.web.Router;
import jakarta.inject.Singleton;

/**
 * The classic protocol's edge: {@code POST /} with a JSON execution and {@code x-internal-challenge}.
 *
 * <p>Every request but Quarkus's health (and, when on, metrics) endpoints goes to Quarkus REST, and
 * an execution passes, in this order:
 * <ol>
 * <li>{@link ChallengeFilter}, a pre-matching filter: the challenge, from the headers alone;</li>
 * <li>{@link OptionsFilter}, pre-matching too: OPTIONS follows the contract's method rows;</li>
 * <li>{@link ExecutionResource}, which hands the execution to the shared gate
 * ({@link io.openruntimes.quarkus.edge.ExecutionGate}: admitted from its headers or refused 503,
 * then its body read), decodes the body, runs the function and answers.</li>
 * </ol>
 * Installing the edge arms the challenge; the classic edge adds no route of its own.
 */
@Singleton
@Speaks(Protocol.CLASSIC)
public class ClassicEdge implements Edge {

    private final ChallengeFilter challenge;

    /** {@code function}: loaded now, at start, as the executor expects of a started runtime. */
    public ClassicEdge(ChallengeFilter challenge, ClassicFunction function) {
        this.challenge = challenge;
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
        challenge.install();
    }
}
