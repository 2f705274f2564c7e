package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openruntimes.quarkus.v5.V5Cases;
import io.openruntimes.quarkus.v5.V5Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v5 lifecycle as an executor drives it (contract-v5.md sections 2, 3 and 7): the real
 * docker/helpers scripts with the container's paths, in a {@link Sandbox}. The packing and
 * unpacking rows use a stand-in for the runtime's compile (seconds instead of a minute each);
 * {@link RealBuild}, {@link Serve}, {@link Contract} and {@link Appwrite} use the runtime itself.
 */
class V5LifecycleTest {

    static final Path FUNCTIONS = BuildAndStartTest.FUNCTIONS;
    /** The time the stand-in gives function.properties: 2020-01-02T03:04:05Z. */
    static final long STAND_IN_MTIME = 1_577_934_245L;
    /** The archive's whole content, whatever its format. */
    static final String APP_LISTING = """
            .open-runtimes
            function/classes/Index.class
            function/function.properties
            function/lib/dependency.jar
            """;
    /** A start command that prints the unpacked tree, as the server would find it. */
    static final String SHOW_TREE = "cd src/function && find . -mindepth 1 -printf '%P %y\\n' | sort"
            + " && stat -L -c 'mtime=%Y' function/function.properties && cat function/classes/Index.class";

    @TempDir
    static Path scratch;
    private static int sandboxes;

    /** A sandbox with the stand-in runtime and a small function in /mnt/code, like upstream's fixture folder. */
    static Sandbox standIn() {
        Sandbox sandbox = new Sandbox(scratch.resolve("stand-in-" + ++sandboxes), Sandbox.STAND_IN);
        write(sandbox.code().resolve("Tests.java"), "class Tests {}\n");
        write(sandbox.code().resolve(".hidden"), "hidden\n");
        write(sandbox.code().resolve("lib/Helper.java"), "class Helper {}\n");
        write(sandbox.code().resolve("code.tar.gz"), ""); // upstream's fixture holds an empty placeholder
        return sandbox;
    }

    /**
     * A sandbox with the runtime itself and one of src/test/functions in /mnt/code. The runtime home
     * is made first, outside: the sandbox's private network has no Maven repository to reach.
     */
    static Sandbox withRuntime(String function, String name) {
        Scripts.runtimeHome();
        Sandbox sandbox = new Sandbox(scratch.resolve(name), Scripts.RUNTIME);
        Scripts.copy(FUNCTIONS.resolve(function), sandbox.code());
        return sandbox;
    }

    static Sandbox.Result build(Sandbox sandbox, String... env) {
        Sandbox.Result build = sandbox.build("", env(env));
        assertEquals(0, build.exitCode(), build.output());
        return build;
    }

    @Nested
    class Build {

        @Test
        void anEmptyCodeFolderFailsTheBuild() {
            Sandbox sandbox = new Sandbox(scratch.resolve("empty-code"), Sandbox.STAND_IN);
            Sandbox.Result build = sandbox.build("", Map.of());
            assertNotEquals(0, build.exitCode());
            assertTrue(build.output().contains("No source code found in /mnt/code"), build.output());
        }

        @Test
        void everyFileIsStagedHiddenOnesTooButNotArchives() {
            Sandbox sandbox = standIn();
            build(sandbox);
            assertTrue(handoff(sandbox).contains("staged=./.hidden ./Tests.java ./lib ./lib/Helper.java \n"), handoff(sandbox));
        }

        @Test
        void theInstallCommandRunsInTheBuildFolderBeforeTheCompile() {
            Sandbox sandbox = standIn();
            Sandbox.Result build = sandbox.build("pwd | tee /mnt/logs/install-cwd.txt > installed.txt", Map.of());
            assertEquals(0, build.exitCode(), build.output());
            assertEquals("/usr/local/build\n", Scripts.read(sandbox.logs().resolve("install-cwd.txt")));
            assertTrue(handoff(sandbox).contains(" ./installed.txt "), handoff(sandbox));
        }

        @Test
        void aFailingInstallCommandFailsTheBuild() {
            Sandbox sandbox = standIn();
            Sandbox.Result build = sandbox.build("exit 3", Map.of());
            assertNotEquals(0, build.exitCode());
            assertTrue(build.output().contains("The install command failed: exit 3"), build.output());
        }

        @Test
        void theCompileIsTheRuntimesBuildOnTheStagedFolderWithoutItsPacking() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java");
            assertTrue(handoff(sandbox).startsWith("""
                    cwd=/usr/local/src
                    OPENRUNTIMES_CODE_DIR=/usr/local/build
                    INTERNAL_RUNTIME_ENTRYPOINT=Tests.java
                    OPENRUNTIMES_PROTOCOL=v5
                    OPENRUNTIMES_ARCHIVE=none
                    """), handoff(sandbox));
        }

        @Test
        void aFailingCompileFailsTheBuildNamingTheCause() {
            Sandbox sandbox = standIn();
            write(sandbox.code().resolve("FAIL"), "");
            Sandbox.Result build = sandbox.build("", Map.of());
            assertNotEquals(0, build.exitCode());
            assertTrue(build.output().contains("the function does not compile"), build.output());
            assertTrue(build.output().contains("The build failed: its cause is above."), build.output());
            assertEquals(0, size(sandbox.code().resolve("code.tar.gz")), "the placeholder was replaced");
        }

        @Test
        void itLogsItsStepsAsUpstreamDoes() {
            Sandbox.Result build = build(standIn());
            List<String> steps = build.output().lines().filter(line -> line.matches("(\\e\\[\\d+m)?\\[\\d\\d:\\d\\d:\\d\\d] \\[open-runtimes] .*"))
                    .map(line -> line.replaceAll("\\e\\[\\d+m", "").substring(27)).toList();
            assertEquals(List.of("Environment preparation started.", "Build cache miss.", "Environment preparation finished.",
                    "Build command execution started.", "Build command execution finished.", "Build packaging started.",
                    "Build packaging finished: /mnt/code/code.tar.gz, gzip, 20K.", "Build cache unchanged: nothing cached.",
                    "Build finished."), steps);
        }

        @Test
        void theOutputFolderHoldsTheAppAndTheBuildMetadataOnly() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java");
            assertEquals(APP_LISTING, Scripts.listing(sandbox.build()));
            assertEquals("OPEN_RUNTIMES_ENTRYPOINT=Tests.java\nOPEN_RUNTIMES_CLEANUP=none\nOPEN_RUNTIMES_COMPRESSION=gzip\n",
                    Scripts.read(sandbox.build().resolve(".open-runtimes")));
        }

        @Test
        void theArchiveHoldsTheOutputFolder() {
            Sandbox sandbox = standIn();
            build(sandbox);
            assertEquals(APP_LISTING, tarListing(sandbox, "tar -tzf /mnt/code/code.tar.gz"));
        }

        @Test
        void anOutputDirectoryIsWhereTheAppIsPutAndWhatIsArchived() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_OUTPUT_DIRECTORY", "dist");
            assertEquals(APP_LISTING, Scripts.listing(sandbox.build().resolve("dist")));
            assertEquals(APP_LISTING, tarListing(sandbox, "tar -tzf /mnt/code/code.tar.gz"));
        }

        @Test
        void theArchiveGoesToTheBuildOutputDir() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_OUTPUT_DIR", "/mnt/code/out");
            assertEquals(APP_LISTING, tarListing(sandbox, "tar -tzf /mnt/code/out/code.tar.gz"));
        }

        /** contract-v5.md section 2.4, one row each (auto twice: each side of 5120 KiB). */
        @ParameterizedTest(name = "OPEN_RUNTIMES_BUILD_COMPRESSION={0} ({1} KiB) -> {2} ({3})")
        @CsvSource({
            "'',       16,   code.tar.gz, 1f8b,     gzip",
            "gzip,     16,   code.tar.gz, 1f8b,     gzip",
            "brotli,   16,   code.tar.gz, 1f8b,     gzip",
            "none,     16,   code.tar.gz, tar,      none",
            "zstd,     16,   code.tar.gz, 28b52ffd, zstd",
            "squashfs, 16,   code.sqfs,   68737173, squashfs",
            "auto,     16,   code.tar.gz, tar,      none",
            "auto,     6000, code.tar.gz, 1f8b,     gzip",
        })
        void eachCompressionWritesItsFormat(String compression, int sizeKb, String file, String magic, String method) {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", compression, "STAND_IN_SIZE_KB", Integer.toString(sizeKb));
            Path archive = sandbox.code().resolve(file);
            if (magic.equals("tar")) {
                assertEquals("ustar", new String(bytes(archive, 257, 5)));
            } else {
                assertEquals(magic, HexFormat.of().formatHex(bytes(archive, 0, magic.length() / 2)));
            }
            assertTrue(Scripts.read(sandbox.build().resolve(".open-runtimes")).contains("OPEN_RUNTIMES_COMPRESSION=" + method + "\n"));
            assertEquals(List.of(".hidden", "Tests.java", file, "lib"), names(sandbox.code()), "only the one archive");
        }

        @Test
        void skipCopiesTheTreeAndMarksIt() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", "skip");
            assertEquals(List.of(".extracted", ".hidden", ".open-runtimes", "Tests.java", "function", "lib"), names(sandbox.code()));
            assertEquals(Scripts.listing(sandbox.build().resolve("function")), Scripts.listing(sandbox.code().resolve("function")));
        }

        @Test
        void aRebuildInAnotherFormatLeavesNoOlderArchiveBehind() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", "squashfs");
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", "gzip");
            assertEquals(List.of(".hidden", "Tests.java", "code.tar.gz", "lib"), names(sandbox.code()));
        }

        /** contract-v5.md section 2.5, one row each. */
        @Test
        void noManifestUnlessAsked() {
            Sandbox sandbox = standIn();
            build(sandbox);
            assertFalse(Scripts.listing(sandbox.root()).contains("manifest"), Scripts.listing(sandbox.root()));
        }

        @Test
        void theManifestListsTheOutputsFilesWhereItIsAskedFor() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_MANIFEST", "/mnt/code/manifest.json");
            assertEquals("{\"version\":1,\"files\":[\".open-runtimes\",\"function/classes/Index.class\","
                    + "\"function/function.properties\",\"function/lib/dependency.jar\"]}\n",
                    Scripts.read(sandbox.code().resolve("manifest.json")));
        }

        @Test
        void aRelativeManifestIsWrittenInTheOutputFolderCapped() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_MANIFEST", "meta/manifest.json", "OPEN_RUNTIMES_BUILD_MANIFEST_MAX_FILES", "2");
            assertEquals("{\"version\":1,\"files\":[\".open-runtimes\",\"function/classes/Index.class\"]}\n",
                    Scripts.read(sandbox.build().resolve("meta/manifest.json")));
        }

        @Test
        void aManifestThatCannotBeWrittenDoesNotFailTheBuild() {
            Sandbox sandbox = standIn();
            Sandbox.Result build = build(sandbox, "OPEN_RUNTIMES_BUILD_MANIFEST", "/proc/manifest.json");
            assertTrue(build.output().contains("The build manifest could not be written to /proc/manifest.json."), build.output());
            assertTrue(build.output().contains("Build finished."), build.output());
        }

        @Test
        void itRunsUnderDash() {
            Sandbox sandbox = standIn();
            Sandbox.Result build = sandbox.run("sh helpers/build.sh ''", Map.of(), Duration.ofMinutes(1));
            assertEquals(0, build.exitCode(), build.output());
            assertTrue(Files.exists(sandbox.code().resolve("code.tar.gz")));
        }
    }

    @Nested
    class Start {

        /** contract-v5.md sections 2.4 and 3.2: each archive found and read by its bytes, file times kept. */
        @ParameterizedTest(name = "{0} build, served as {1}")
        @CsvSource({
            "gzip,     code.tar.gz, gzip",
            "none,     code.tar.gz, tar",
            "zstd,     code.tar.gz, zstd",
            "squashfs, code.sqfs,   squashfs",
            "gunzip,   code.tar,    tar",
        })
        void eachArchiveIsUnpackedIntoSrcFunction(String compression, String file, String format) {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", compression.equals("gunzip") ? "gzip" : compression);
            // Upstream's serve-secondary unpacks code.tar.gz beside itself first, as code.tar.
            String prepare = compression.equals("gunzip") ? "gunzip -ck /mnt/code/code.tar.gz > /mnt/code/code.tar && " : "";
            Sandbox.Result start = sandbox.run(prepare + "helpers/start.sh " + Sandbox.quoted(SHOW_TREE), Map.of(), Duration.ofMinutes(1));
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("Unpacking " + file + " (" + format + ")\n"), start.output());
            assertEquals(APP_LISTING, Scripts.listing(sandbox.function()));
            assertTrue(start.output().contains("\nmtime=" + STAND_IN_MTIME + "\nfunction\n"), start.output());
            assertTrue(Pattern.compile("^extract=\\d+\\.\\d{3}$", Pattern.MULTILINE).matcher(timings(sandbox)).find(), timings(sandbox));
        }

        @Test
        void aSkipBuildsTreeIsLinkedNotCopied() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_BUILD_COMPRESSION", "skip");
            Sandbox.Result start = sandbox.start(SHOW_TREE, Map.of());
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("""
                    .hidden l
                    .open-runtimes l
                    Tests.java l
                    function l
                    lib l
                    mtime=%d
                    function
                    """.formatted(STAND_IN_MTIME)), start.output());
            assertTrue(timings(sandbox).matches("symlink=\\d+\\.\\d{3}\n"), timings(sandbox));
        }

        @Test
        void withoutAnArchiveStartFails() {
            Sandbox sandbox = new Sandbox(scratch.resolve("no-archive"), Sandbox.STAND_IN);
            Sandbox.Result start = sandbox.start("echo served", Map.of());
            assertEquals(1, start.exitCode(), start.output());
            assertTrue(start.output().contains("Code archive not found."), start.output());
            assertFalse(start.output().contains("served"), start.output());
        }

        @Test
        void theBuildsEntrypointWinsOverTheOneGivenAtStart() {
            Sandbox sandbox = standIn();
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java");
            Sandbox.Result start = sandbox.start("echo \"$OPEN_RUNTIMES_ENTRYPOINT $OPEN_RUNTIMES_COMPRESSION $OPEN_RUNTIMES_CLEANUP\"",
                    env("OPEN_RUNTIMES_ENTRYPOINT", "Index.java"));
            assertTrue(start.output().endsWith("\nTests.java gzip none\n"), start.output());
        }

        @Test
        void runtimeStartedThenTheCommandReplacesStartKnowingWhen() {
            Sandbox sandbox = standIn();
            build(sandbox);
            long before = System.currentTimeMillis();
            Sandbox.Running running = sandbox.launch("helpers/start.sh 'echo \"pid=$$ started=$OPENRUNTIMES_START_EPOCH_MS\"'", Map.of());
            assertEquals(0, Scripts.waitFor(running.process(), Duration.ofMinutes(1)), running.output());
            long after = System.currentTimeMillis();
            var printed = Pattern.compile("Runtime started\\.\\e\\[0m\npid=(\\d+) started=(\\d+)\n$").matcher(running.output());
            assertTrue(printed.find(), running.output());
            // The same process all along: the executor's signals reach the server, no pipe between.
            assertEquals(running.process().pid(), Long.parseLong(printed.group(1)));
            long started = Long.parseLong(printed.group(2));
            assertTrue(started >= before && started <= after, before + " <= " + started + " <= " + after);
        }

        @Test
        void timingsAreAppendedToWhatOtherContainersWrote() {
            Sandbox sandbox = standIn();
            build(sandbox);
            write(sandbox.telemetry().resolve("timings.txt"), "local_download=0.200\nremote_download=10.560\n");
            assertEquals(0, sandbox.start("true", Map.of()).exitCode());
            assertTrue(timings(sandbox).matches("local_download=0\\.200\nremote_download=10\\.560\nextract=\\d+\\.\\d{3}\n"), timings(sandbox));
        }

        @Test
        void aTelemetryFolderItCannotWriteDoesNotStopTheServer() {
            Sandbox sandbox = standIn();
            build(sandbox);
            Sandbox.Result start = sandbox.run("mount -o remount,bind,ro /mnt/telemetry && helpers/start.sh 'echo served'",
                    Map.of(), Duration.ofMinutes(1));
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("Timings not written: /mnt/telemetry/timings.txt is not writable."), start.output());
            assertTrue(start.output().endsWith("served\n"), start.output());
        }

        @Test
        void itRunsUnderDash() {
            Sandbox sandbox = standIn();
            build(sandbox);
            Sandbox.Result start = sandbox.run("sh helpers/start.sh 'echo served'", Map.of(), Duration.ofMinutes(1));
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().endsWith("served\n"), start.output());
        }
    }

    /** The real runtime's build under helpers/build.sh, with a function of the classic protocol (it builds before the v5 API is in). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RealBuild {
        Sandbox sandbox;
        Sandbox.Result build;
        long took;

        @BeforeAll
        void buildTheHelloFunction() {
            sandbox = withRuntime("hello", "real-hello");
            long start = System.nanoTime();
            build = sandbox.build("", env("OPENRUNTIMES_PROTOCOL", "classic"));
            took = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[v5] helpers/build.sh of hello: %.1f s%n", took / 1000.0);
        }

        @Test
        void itBuildsAndArchivesTheFunctionFolderAlone() {
            assertEquals(0, build.exitCode(), build.output());
            assertTrue(build.output().contains("Compiling Index.java (classic)"), build.output());
            String listing = tarListing(sandbox, "tar -tzf /mnt/code/code.tar.gz");
            assertTrue(listing.contains("function/function.properties\n"), listing);
            assertTrue(listing.contains("function/classes/com/example/Index.class\n"), listing);
            assertFalse(listing.contains("quarkus-app"), listing);
            assertFalse(listing.contains("Index.java"), listing);
        }

        @Test
        void theServerUsesTheHomesClassArchiveForItsProtocol() {
            Path app = Scripts.RUNTIME.resolve("target/runtime/quarkus-app");
            String archive = Scripts.listing(app).lines().filter(name -> name.matches("jdk-\\d+-v5\\.(aot|jsa)")).findFirst()
                    .orElseThrow(() -> new AssertionError("no v5 class archive in " + app));
            // Required, not just tried: the JVM refuses to start if it cannot map it.
            String required = archive.endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on";
            try (Sandbox.Running server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'",
                    env("JAVA_OPTS", required, "INTERNAL_RUNTIME_KEY", "lifecycle-key"))) {
                server.awaitAnswer("/__opr/health", Duration.ofSeconds(60));
            }
        }

        @Test
        void aCompileErrorFailsTheBuildWithFileAndLine() {
            Sandbox broken = withRuntime("broken", "real-broken");
            Sandbox.Result failed = broken.build("", env("OPENRUNTIMES_PROTOCOL", "classic"));
            assertNotEquals(0, failed.exitCode());
            assertTrue(failed.output().contains("/usr/local/build/Index.java:7: error: cannot find symbol"), failed.output());
            assertTrue(failed.output().contains("the function does not compile"), failed.output());
            assertTrue(failed.output().contains("The build failed: its cause is above."), failed.output());
        }
    }

    /**
     * A function written for upstream's API, built and served the v5 way (section 7's build and
     * serve rows). Needs the v5 edge and the io.openruntimes.java API, written beside this.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Serve {
        Sandbox sandbox;
        Sandbox.Running server;

        @BeforeAll
        void buildAndServeTheV5Function() {
            sandbox = withRuntime("v5", "real-v5");
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java");
            server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'", env("OPEN_RUNTIMES_SECRET", "test-secret-key",
                    "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java", "CUSTOM_ENV_VAR", "customValue"));
            server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
        }

        @org.junit.jupiter.api.AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Test
        void thePortAnswersOnceTheReadyLineIsPrinted() {
            assertEquals(new Sandbox.Running.Answer(200, "OK"), server.get("/__opr/health"));
        }

        @Test
        void theServerAppendsItsStartupTime() {
            assertTrue(Pattern.compile("^startup=\\d+\\.\\d{3}$", Pattern.MULTILINE).matcher(timings(sandbox)).find(), timings(sandbox));
        }

        @Test
        void theFunctionRunsWithItsGradleDependency() {
            assertEquals(new Sandbox.Running.Answer(200, "{\"path\":\"/hello\"}"),
                    server.get("/hello", "x-open-runtimes-secret: test-secret-key"));
        }

        /** serve-secondary: the archive unpacked to code.tar beside itself first, no secret, development. */
        @Test
        void theSecondaryServesCodeTarWithoutASecret() {
            try (Sandbox.Running secondary = sandbox.beside(scratch.resolve("real-v5-secondary")).launch(
                    "gunzip -ck /mnt/code/code.tar.gz > /mnt/code/code.tar && helpers/start.sh 'bash helpers/server.sh'",
                    env("OPEN_RUNTIMES_SECRET", "", "OPEN_RUNTIMES_ENV", "development", "OPEN_RUNTIMES_HEADERS", "",
                            "OPEN_RUNTIMES_ENTRYPOINT", "Tests.java"))) {
                secondary.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
                assertTrue(secondary.output().contains("Unpacking code.tar (tar)"), secondary.output());
                assertEquals(new Sandbox.Running.Answer(200, "{\"path\":\"/hello\"}"), secondary.get("/hello"));
            }
        }

        /** build-no-export, then serve-no-export: the build does not check the entry class; executions answer 503. */
        @Test
        void anEntryFileWithoutMainBuildsAndAnswers503() {
            Sandbox noExport = withRuntime("v5", "real-v5-no-export");
            build(noExport, "OPEN_RUNTIMES_ENTRYPOINT", "NoExport.java");
            // No entrypoint at start: the image's Index.java, then NoExport.java from the build.
            try (Sandbox.Running server = noExport.launch("helpers/start.sh 'bash helpers/server.sh'",
                    env("OPEN_RUNTIMES_SECRET", "", "OPEN_RUNTIMES_ENV", "development", "OPEN_RUNTIMES_ENTRYPOINT", "Index.java"))) {
                server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
                assertEquals(503, server.get("/").status());
            }
        }
    }

    /**
     * Every row of {@link V5Cases} (contract-v5.md sections 4, 5 and 8, log files included) against
     * the server the real helpers made, as section 7's `serve`: upstream's fixture folder (its
     * dependencies.gradle pulls Gson from Maven Central) with V5ContractFunction.java as the entry
     * file, started by helpers/start.sh "bash helpers/server.sh" with a secret, enforced headers and
     * CUSTOM_ENV_VAR. On the machine's network (a free port), for REST Assured to reach it.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Contract extends V5Cases {
        static final Path FUNCTION = Scripts.RUNTIME.resolve("src/test/java/io/openruntimes/java/V5ContractFunction.java");
        Sandbox sandbox;
        Sandbox.Running server;
        int port;

        @BeforeAll
        void buildAndServeTheContractFunction() throws IOException {
            sandbox = withRuntime("v5", "real-v5-contract").onHostNetwork();
            Files.copy(FUNCTION, sandbox.code().resolve(FUNCTION.getFileName()));
            write(sandbox.telemetry().resolve("timings.txt"), V5Profile.SEEDED_TIMINGS);
            long started = System.nanoTime();
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "V5ContractFunction.java");
            long built = System.nanoTime();
            port = Scripts.freePort();
            server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'", env("OPEN_RUNTIMES_SECRET", V5Profile.SECRET,
                    "OPEN_RUNTIMES_HEADERS", V5Profile.HEADERS, "OPEN_RUNTIMES_ENTRYPOINT", "V5ContractFunction.java",
                    "CUSTOM_ENV_VAR", "customValue", "QUARKUS_HTTP_PORT", Integer.toString(port)));
            server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
            System.out.printf("[v5] contract function: helpers/build.sh %.1f s, helpers/start.sh to ready %.1f s%n",
                    (built - started) / 1e9, (System.nanoTime() - built) / 1e9);
        }

        @org.junit.jupiter.api.AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Override
        protected int port() {
            return port;
        }

        @Override
        protected Path logs() {
            return sandbox.logs();
        }
    }

    /** An Appwrite-style function: src/Main.java in package io.openruntimes.java.src, a library from its deps.gradle. */
    @Nested
    class Appwrite {

        @Test
        void itBuildsAndAnswersPing() {
            Sandbox sandbox = withRuntime("appwrite", "real-appwrite");
            build(sandbox, "OPEN_RUNTIMES_ENTRYPOINT", "src/Main.java");
            try (Sandbox.Running server = sandbox.launch("helpers/start.sh 'bash helpers/server.sh'",
                    env("OPEN_RUNTIMES_SECRET", "appwrite-secret", "OPEN_RUNTIMES_ENTRYPOINT", "src/Main.java"))) {
                server.awaitOutput("HTTP server successfully started!", Duration.ofSeconds(60));
                assertEquals(new Sandbox.Running.Answer(200, "pong"), server.get("/ping", "x-open-runtimes-secret: appwrite-secret"));
            }
        }
    }

    static Map<String, String> env(String... namesAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    static String handoff(Sandbox sandbox) {
        return Scripts.read(sandbox.workspace().resolve("handoff.txt"));
    }

    static String timings(Sandbox sandbox) {
        return Scripts.read(sandbox.telemetry().resolve("timings.txt"));
    }

    /** The regular files an archive lists (its "./" prefix dropped), sorted as Scripts.listing sorts. */
    static String tarListing(Sandbox sandbox, String listCommand) {
        Sandbox.Result list = sandbox.run(listCommand, Map.of(), Duration.ofSeconds(30));
        assertEquals(0, list.exitCode(), list.output());
        return list.output().lines().filter(line -> !line.endsWith("/")).map(line -> line.replaceFirst("^\\./", "") + "\n")
                .sorted().reduce("", String::concat);
    }

    static List<String> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file, int offset, int length) {
        try {
            byte[] all = Files.readAllBytes(file);
            return java.util.Arrays.copyOfRange(all, offset, offset + length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
