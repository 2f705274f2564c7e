package io.openruntimes.dev;

import io.openruntimes.quarkus.engine.BuiltFunction;
import io.openruntimes.quarkus.engine.ExecutionFailure;
import io.openruntimes.quarkus.engine.FunctionApi;
import io.openruntimes.quarkus.engine.FunctionEntrypoint;
import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.MainSignature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Dev mode's function: before each execution, a look at the folder's files (sizes and times, no
 * reads); when one was saved, the folder is compiled again, in this JVM, into a function folder
 * as a JVM build packs it, and loaded as a deployment loads it (BuiltFunction: a class loader of
 * its own, the same rules). The execution then runs the new code. While the folder does not
 * compile, every execution fails with javac's report (file and line, the author's paths), in the
 * protocol's error form; the next save that compiles recovers.
 */
final class DevFunctionSource implements FunctionSource {

    private static final Logger LOG = Logger.getLogger(DevFunctionSource.class);
    /** Builds kept: the current one and the one before (an execution may still be loading from it). */
    private static final int KEPT = 2;
    private static final int WARM_UP_COMPILES = 10;

    private final DevSettings settings;
    private final FunctionFolder folder;
    private final Path entrypointFile;
    private final String className;
    private final MainSignature signature;
    private final ClassLoader runtime;
    private final FunctionCompiler compiler = new FunctionCompiler();

    private boolean built;
    private long fingerprint;
    private volatile int generation;
    private FunctionEntrypoint current;
    private String problem;

    DevFunctionSource(DevSettings settings, String className, MainSignature signature, ClassLoader runtime) {
        this.settings = settings;
        this.folder = new FunctionFolder(settings.code());
        this.entrypointFile = folder.entrypoint(settings.entrypoint());
        this.className = className;
        this.signature = signature;
        this.runtime = runtime;
    }

    /**
     * Builds the function now, in the background, so that the first execution finds it built;
     * then compiles it a few times more, unused, so that the compiler's code is compiled by the
     * JIT before the author's first save (a cold javac takes seconds, a warm one a tenth of that).
     */
    DevFunctionSource start() {
        Thread thread = new Thread(() -> {
            try {
                entrypoint();
            } catch (ExecutionFailure doesNotCompile) {
                // logged by the build; every execution answers it
            }
            // Until the author's first save: from then on their saves warm it.
            for (int i = 0; i < WARM_UP_COMPILES && generation == 1; i++) {
                warmUp();
            }
        }, "dev-first-build");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return this;
    }

    /** One compile of the folder into a scratch folder: an execution waits for one at most. */
    private synchronized void warmUp() {
        Path scratch = settings.workspace().resolve("warm-up");
        try {
            compiler.compile(folder, entrypointFile, settings.compileClassPath(), scratch);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("A warm-up compile failed: %s", e); // only ever a slower first reload
        } finally {
            delete(scratch);
        }
    }

    @Override
    public synchronized FunctionEntrypoint entrypoint() {
        long now = folder.fingerprint();
        if (!built || now != fingerprint) {
            build();
            built = true;
            fingerprint = now;
        }
        if (problem != null) {
            throw new ExecutionFailure(ExecutionFailure.Kind.FUNCTION_THREW, problem);
        }
        return current;
    }

    private void build() {
        long started = System.nanoTime();
        Path function = settings.workspace().resolve("builds").resolve(Integer.toString(++generation)).resolve("function");
        FunctionCompiler.Result result;
        try {
            result = compiler.compile(folder, entrypointFile, settings.compileClassPath(), function.resolve("classes"));
            if (result.compiled() && className.equals(result.entryClass())) {
                writeDescriptor(function);
                linkJars(function);
            }
        } catch (IOException | RuntimeException e) {
            fail("The function cannot be built in " + function + ": " + e);
            return;
        }
        if (!result.compiled()) {
            fail("The function does not compile:\n" + result.report());
            return;
        }
        if (!className.equals(result.entryClass())) {
            fail("The entry class is now " + result.entryClass() + ", and dev mode started with " + className
                    + ": restart dev.sh to serve it");
            return;
        }
        if (!result.report().isEmpty()) {
            LOG.warnf("The compiler's warnings:%n%s", result.report());
        }
        long compiled = System.nanoTime();
        FunctionEntrypoint loaded = BuiltFunction.load(function, Optional.empty(), runtime, signature);
        if (!loaded.available()) {
            // A main of the other API, say: the edge answers the message, the next save may fix it.
            loaded = FunctionEntrypoint.unavailable(className, loaded.problem()
                    + " (dev mode serves the API the entry class had when it started: restart dev.sh to switch)");
            LOG.errorf("%s", loaded.problem());
        } else if ("v5".equals(signature.protocol())) {
            loaded = loaded.withArguments(ConsoleContext::echoing);
        }
        current = loaded;
        problem = null;
        long done = System.nanoTime();
        LOG.infof("%s %s from %s in %d ms (compile %d ms, load %d ms)", generation == 1 ? "Loaded" : "Reloaded", className,
                settings.code(), (done - started) / 1_000_000, (compiled - started) / 1_000_000, (done - compiled) / 1_000_000);
        deleteOldBuilds();
    }

    private void fail(String message) {
        problem = message;
        current = null;
        LOG.errorf("%s%nSave a fix: the next execution compiles it.", message);
    }

    /** The descriptor a JVM build writes: this runtime's API, the entry class, the entrypoint, the protocol. */
    private void writeDescriptor(Path function) throws IOException {
        Properties descriptor = new Properties();
        descriptor.setProperty("api-version", FunctionApi.VERSION);
        descriptor.setProperty("class", className);
        descriptor.setProperty("entrypoint", settings.entrypoint());
        descriptor.setProperty("protocol", signature.protocol());
        try (Writer out = Files.newBufferedWriter(function.resolve("function.properties"), StandardCharsets.UTF_8)) {
            descriptor.store(out, "dev mode's build of " + settings.code());
        }
    }

    /** lib/: the dependency jars resolved at start, linked rather than copied at every save. */
    private void linkJars(Path function) throws IOException {
        if (settings.classPath().isEmpty()) {
            return;
        }
        Path lib = Files.createDirectories(function.resolve("lib"));
        int index = 0;
        for (Path jar : settings.classPath()) {
            // Numbered: the class path keeps the resolved order (BuiltFunction sorts by name).
            Files.createSymbolicLink(lib.resolve(String.format("%04d-%s", index++, jar.getFileName())), jar.toAbsolutePath());
        }
    }

    private void deleteOldBuilds() {
        Path builds = settings.workspace().resolve("builds");
        try (Stream<Path> all = Files.list(builds)) {
            all.filter(build -> build.getFileName().toString().matches("\\d+"))
                    .filter(build -> Integer.parseInt(build.getFileName().toString()) <= generation - KEPT)
                    .forEach(DevFunctionSource::delete);
        } catch (IOException ignored) {
            // a few old classes left in the workspace
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // as above
        }
    }
}
