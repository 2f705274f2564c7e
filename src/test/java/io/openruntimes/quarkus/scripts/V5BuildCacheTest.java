package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * contract-v5 2.6, the executor's build cache around helpers/build.sh, one case a row: restored
 * before the install command, saved after a build that worked, never failing a build. The
 * compile is the quick stand-in; the artefact lives in the sandbox's /mnt/logs (a scratch folder).
 */
class V5BuildCacheTest {

    private static final Map<String, String> CACHE = Map.of("OPEN_RUNTIMES_BUILD_CACHE_ARTIFACT", "/mnt/logs/stores.sqfs");

    @TempDir
    Path scratch;

    private Sandbox sandbox(String name) {
        Sandbox sandbox = new Sandbox(scratch.resolve(name), Sandbox.STAND_IN);
        V5LifecycleTest.write(sandbox.code().resolve("Tests.java"), "class Tests {}\n");
        return sandbox;
    }

    private Path artifact(Sandbox sandbox) {
        return sandbox.logs().resolve("stores.sqfs");
    }

    @Test
    void aFirstBuildMissesThenSavesWhatTheInstallCommandCached() {
        Sandbox sandbox = sandbox("first");
        Sandbox.Result build = sandbox.build("echo v1 > \"$OPEN_RUNTIMES_BUILD_CACHE_ROOT/dependency.txt\"", CACHE);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Build cache miss."), build.output());
        assertTrue(build.output().contains("Build cache saved: /mnt/logs/stores.sqfs"), build.output());
        assertTrue(Files.isRegularFile(artifact(sandbox)));
    }

    @Test
    void theNextBuildFindsTheCacheRestoredBeforeItsInstallCommand() {
        Sandbox first = sandbox("first");
        assertEquals(0, first.build("echo v1 > \"$OPEN_RUNTIMES_BUILD_CACHE_ROOT/dependency.txt\"", CACHE).exitCode());
        // Another build container: its own /usr/local, the same artefact.
        Sandbox next = first.beside(scratch.resolve("next"));
        Sandbox.Result build = next.build("cat \"$OPEN_RUNTIMES_BUILD_CACHE_ROOT/dependency.txt\" > /mnt/logs/seen.txt", CACHE);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Build cache restored from /mnt/logs/stores.sqfs"), build.output());
        assertEquals("v1\n", Scripts.read(next.logs().resolve("seen.txt")));
        assertTrue(build.output().contains("Build cache unchanged."), build.output());
    }

    @Test
    void anUnreadableArtefactStartsAnEmptyCacheAndTheBuildGoesOn() throws Exception {
        Sandbox sandbox = sandbox("unreadable");
        Files.writeString(artifact(sandbox), "not a squashfs image");
        Sandbox.Result build = sandbox.build("", CACHE);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("Build cache unreadable: starting from an empty cache."), build.output());
    }

    @Test
    void aFailingBuildSavesNothingAndStillFails() {
        Sandbox sandbox = sandbox("failing");
        Sandbox.Result build = sandbox.build("echo v1 > \"$OPEN_RUNTIMES_BUILD_CACHE_ROOT/dependency.txt\" && exit 3", CACHE);
        assertNotEquals(0, build.exitCode());
        assertFalse(Files.exists(artifact(sandbox)), "no artefact after a failed build");
    }

    @Test
    void aCacheOverItsMaximumSizeIsNotSaved() {
        Sandbox sandbox = sandbox("too-large");
        Map<String, String> env = Map.of("OPEN_RUNTIMES_BUILD_CACHE_ARTIFACT", "/mnt/logs/stores.sqfs",
                "OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES", "10");
        Sandbox.Result build = sandbox.build("echo v1 > \"$OPEN_RUNTIMES_BUILD_CACHE_ROOT/dependency.txt\"", env);
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().contains("over OPEN_RUNTIMES_BUILD_CACHE_MAX_SIZE_BYTES"), build.output());
        assertFalse(Files.exists(artifact(sandbox)));
    }
}
