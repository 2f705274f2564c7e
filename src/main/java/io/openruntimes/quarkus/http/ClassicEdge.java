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
 * <p>An execution passes, in this order: the challenge ({@link ChallengeFilter}, from the headers
 * alone), admission and the body ({@link AdmissionRoute}, {@link ExecutionBody}), then Quarkus REST:
 * {@link OptionsFilter}, and {@link ExecutionResource}, which decodes the body and runs the function.
 */
@Singleton
@Speaks(Protocol.CLASSIC)
public class ClassicEdge implements Edge {

    private final ChallengeFilter challenge;
    private final AdmissionRoute admission;

    /** {@code function}: loaded now, at start, as the executor expects of a started runtime. */
    public ClassicEdge(ChallengeFilter challenge, AdmissionRoute admission, ClassicFunction function) {
        this.challenge = challenge;
        this.admission = admission;
    }

    @Override
    public ErrorForm errorForm() {
        return ErrorSchema.FORM;
    }

    @Override
    public void install(Router router) {
        challenge.install(router);
        admission.install(router);
        ExecutionBody.install(router);
    }
}
