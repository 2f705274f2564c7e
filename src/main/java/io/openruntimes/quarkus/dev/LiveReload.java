package io.openruntimes.quarkus.dev;

import io.openruntimes.quarkus.edge.EarlyAnswer;
import io.openruntimes.quarkus.http.ChallengeFilter;
import io.openruntimes.quarkus.http.ErrorSchema;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkus.vertx.core.runtime.QuarkusExecutorFactory;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Dev mode only: before every request, applies what the function's author saved, so the next
 * execution runs the new code; and while the function does not compile, answers every request
 * with the compiler's errors in the error schema.
 *
 * <p>Quarkus does both already, but not as the executor's contract wants: it rescans at most
 * every two seconds (a call right after a save can run the old code), and it answers a compile
 * error with an HTML page. This route runs first (the lowest order, added before Quarkus's own
 * hot-replacement route) and does the scan itself through Quarkus's {@link HotReplacementContext};
 * it then marks the request as scanned, the way Quarkus marks a request it re-dispatches after a
 * restart, so Quarkus does not scan again.
 *
 * <p>Not a bean outside the dev profile: production and test builds never see it.
 */
@IfBuildProfile("dev")
@Singleton
public class LiveReload {

    /** Quarkus's own mark for "the live-reload scan already ran for this request". */
    static final String SCANNED = "x-quarkus-hot-deployment-done";

    private final ChallengeFilter challenge;

    public LiveReload(ChallengeFilter challenge) {
        this.challenge = challenge;
    }

    void install(@Observes Router router) {
        HotReplacementContext hotReplacement = DevConsoleManager.getHotReplacementContext();
        if (hotReplacement == null) {
            return; // the dev profile outside dev mode (e.g. a jar built with it): nothing to reload
        }
        // The application's class loader, which the scan needs to redefine classes in place.
        ClassLoader application = LiveReload.class.getClassLoader();
        router.route().order(Integer.MIN_VALUE).handler(context -> beforeRequest(context, hotReplacement, application));
    }

    private void beforeRequest(RoutingContext context, HotReplacementContext hotReplacement, ClassLoader application) {
        if (context.request().headers().contains(SCANNED)) {
            context.next(); // re-dispatched to the restarted application: already scanned
            return;
        }
        // The body is read later, by whichever application answers: hold it until then.
        context.request().pause();
        context.vertx().executeBlocking(() -> scan(hotReplacement, application), false).onComplete(scan -> {
            Throwable problem = scan.failed() ? scan.cause() : hotReplacement.getDeploymentProblem();
            if (problem != null) {
                // The compiler's report quotes the function's source: only for callers the challenge admits.
                if (challenge.accepts(context.request().headers().getAll(ChallengeFilter.HEADER))) {
                    EarlyAnswer.send(context, 500, ErrorSchema.FORM, ReloadProblem.describe(problem));
                } else {
                    EarlyAnswer.send(context, 401, ErrorSchema.FORM, "Unauthorized");
                }
                return;
            }
            context.request().headers().set(SCANNED, "true");
            if (scan.result()) {
                // The application restarted: the new one answers, with the new code.
                QuarkusExecutorFactory.reinitializeDevModeExecutor();
                VertxHttpRecorder.getRootHandler().handle(context.request());
            } else {
                context.next();
            }
        });
    }

    /** Compiles what changed and applies it; answers whether the application restarted. */
    private static boolean scan(HotReplacementContext hotReplacement, ClassLoader application) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        // One scan at a time, across restarts too: the context outlives every application.
        synchronized (hotReplacement) {
            // Tells Quarkus the restart comes from a request: it then keeps that request's connection open.
            DevConsoleManager.setDoingHttpInitiatedReload(true);
            try {
                return hotReplacement.doScan(true);
            } finally {
                DevConsoleManager.setDoingHttpInitiatedReload(false);
                thread.setContextClassLoader(previous);
            }
        }
    }
}
