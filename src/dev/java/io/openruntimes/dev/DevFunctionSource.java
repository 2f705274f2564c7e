package io.openruntimes.dev;

import io.openruntimes.build.FunctionFiles;
import io.openruntimes.quarkus.engine.BuiltFunction;
import io.openruntimes.quarkus.engine.ExecutionFailure;
import io.openruntimes.quarkus.engine.FunctionEntrypoint;
import io.openruntimes.quarkus.engine.FunctionSource;
import io.openruntimes.quarkus.engine.MainSignature;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Dev mode's function: before each execution, a look at the folder's sources and resources
 * (sizes and times, no reads); when one was saved, they are compiled again, in this JVM, into a
 * function folder as a JVM build packs it, loaded as a deployment is (BuiltFunction: a class
 * loader of its own, the same rules). The execution then runs the new code. While the folder does
 * not compile, every execution fails with javac's report (file and line, the author's paths), in
 * the protocol's error form; the next save that compiles recovers.
 */
final class DevFunctionSource implements FunctionSource {

    private static final Logger LOG = Logger.getLogger(DevFunctionSource.class);
    /** Builds kept: the current one and the one before (an execution may still be loading from it). */
    private static final int KEPT = 2;
    /** About what javac needs, C1 only, to be warm (see dev.sh). */
    private static final int WARM_UP_COMPILES = 10;

    private final DevSettings settings;
    private final FunctionFiles files;
    private final MainSignature signature;
    private final ClassLoader runtime;
    private final List<Path> classPath;
    private final FunctionCompiler compiler = new FunctionCompiler();

    private boolean built;
    private long fingerprint;
    private volatile int generation;
    private FunctionEntrypoint current;
    private String problem;

    DevFunctionSource(DevSettings settings, MainSignature signature, ClassLoader runtime) {
        this.settings = settings;
        this.files = new FunctionFiles(settings.code());
        this.signature = signature;
        this.runtime = runtime;
        this.classPath = settings.compileClassPath("v5".equals(signature.protocol()));
    }

    /**
     * Builds the function now, in the background, so that the first execution finds it built;
     * then, until the author's first save, compiles it a few times more, unused, so that javac's
     * code is compiled by the JIT before that save (a cold javac takes seconds, a warm one 50 ms).
     */
    DevFunctionSource start() {
        Thread thread = new Thread(() -> {
            try {
                entrypoint();
            } catch (ExecutionFailure doesNotCompile) {
                // logged by the build; every execution answers it
            }
            for (int i = 0; i < WARM_UP_COMPILES && generation == 1; i++) {
                warmUp();
            }
        }, "dev-first-build");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public synchronized FunctionEntrypoint entrypoint() {
        long now = fingerprint();
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

    /**
     * Every source's and resource's path, size and modification time, and the pom's (its release),
     * summed up: it changes when one is saved.
     */
    private long fingerprint() {
        long hash = 17;
        for (Path file : Stream.of(files.sources(), files.resources(), List.of(files.pom())).flatMap(List::stream).toList()) {
            hash = 31 * hash + file.hashCode();
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                hash = 31 * hash + attributes.size();
                hash = 31 * hash + attributes.lastModifiedTime().toInstant().getEpochSecond();
                hash = 31 * hash + attributes.lastModifiedTime().toInstant().getNano();
            } catch (IOException gone) {
                // deleted since the walk: the next look sees it gone
            }
        }
        return hash;
    }

    private void build() {
        long started = System.nanoTime();
        Path function = settings.workspace().resolve("builds").resolve(Integer.toString(++generation)).resolve("function");
        FunctionCompiler.Result result;
        try {
            result = compiler.compile(files.sources(), classPath, files.release(), function.resolve("classes"));
            if (result.compiled()) {
                files.copyResources(function.resolve("classes"));
                writeDescriptor(function);
                if (Files.isDirectory(settings.startBuild().resolve("lib"))) {
                    Files.createSymbolicLink(function.resolve("lib"), settings.startBuild().resolve("lib"));
                }
            }
        } catch (IOException | RuntimeException e) {
            fail("The function cannot be built in " + function + ": " + e);
            return;
        }
        if (!result.compiled()) {
            fail("The function does not compile:\n" + result.report());
            return;
        }
        if (!result.report().isEmpty()) {
            LOG.warnf("The compiler's warnings:%n%s", result.report());
        }
        long compiled = System.nanoTime();
        FunctionEntrypoint loaded = BuiltFunction.load(function, Optional.empty(), runtime, signature);
        if (!loaded.available()) {
            // Its class renamed, or a main of the other API: the edge answers why, the next save may fix it.
            loaded = FunctionEntrypoint.unavailable(loaded.className(), loaded.problem()
                    + " (dev mode serves the entry class and API it found at start: restart dev.sh to change them)");
            LOG.errorf("%s", loaded.problem());
        } else if ("v5".equals(signature.protocol())) {
            loaded = loaded.withArguments(ConsoleContext::echoing);
        }
        current = loaded;
        problem = null;
        long done = System.nanoTime();
        LOG.infof("%s %s from %s in %d ms (compile %d ms, load %d ms)", generation == 1 ? "Loaded" : "Reloaded",
                loaded.className(), settings.code(), (done - started) / 1_000_000, (compiled - started) / 1_000_000,
                (done - compiled) / 1_000_000);
        deleteOldBuilds();
    }

    /** The start build's descriptor (API version, entry class, entrypoint), for the protocol the runtime speaks. */
    private void writeDescriptor(Path function) throws IOException {
        Properties descriptor = new Properties();
        try (Reader in = Files.newBufferedReader(settings.startBuild().resolve("function.properties"), StandardCharsets.UTF_8)) {
            descriptor.load(in);
        }
        descriptor.setProperty("protocol", signature.protocol());
        try (Writer out = Files.newBufferedWriter(function.resolve("function.properties"), StandardCharsets.UTF_8)) {
            descriptor.store(out, "dev mode's build of " + settings.code());
        }
    }

    private void fail(String message) {
        problem = message;
        current = null;
        LOG.errorf("%s%nSave a fix: the next execution compiles it.", message);
    }

    /** One compile into a scratch folder, unused: an execution waits for one at most. */
    private synchronized void warmUp() {
        Path scratch = settings.workspace().resolve("warm-up");
        try {
            compiler.compile(files.sources(), classPath, files.release(), scratch);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("A warm-up compile failed: %s", e); // only ever a slower first reload
        } finally {
            delete(scratch);
        }
    }

    private void deleteOldBuilds() {
        try (Stream<Path> all = Files.list(settings.workspace().resolve("builds"))) {
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
