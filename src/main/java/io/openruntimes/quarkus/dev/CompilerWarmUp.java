package io.openruntimes.quarkus.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jboss.logging.Logger;

/**
 * Dev mode only: compiles a throwaway class once, in the background, right after the first start.
 *
 * <p>Dev mode compiles saved sources with the JDK's compiler inside this JVM. The first compile
 * pays for loading that compiler (thousands of classes) and adds a second or more to the first
 * reload; paying it here, while the author is still reading the startup log, keeps even the
 * first reload short. The compiler is a JDK module, shared by every class loader, so the
 * warm-up helps Quarkus's compiler too.
 */
@IfBuildProfile("dev")
@Singleton
public class CompilerWarmUp {

    /** Set once per JVM: a restart after a reload starts this bean again, but the compiler is warm. */
    // Outside the openruntimes.* namespace: config validation rejects unknown names in a mapped one,
    // and this system property is still set when the application restarts after a reload.
    private static final String DONE = "io.openruntimes.dev.compiler-warm";
    private static final Logger LOG = Logger.getLogger(CompilerWarmUp.class);

    void onStart(@Observes StartupEvent event) {
        if (System.getProperties().putIfAbsent(DONE, "true") != null) {
            return;
        }
        Thread thread = new Thread(CompilerWarmUp::compileOnce, "dev-compiler-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void compileOnce() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return; // no JDK compiler: dev mode's own compile will say so
        }
        Path output = null;
        try {
            output = Files.createTempDirectory("openruntimes-warm-up");
            long started = System.nanoTime();
            boolean compiled = javac.getTask(new StringWriter(), null, null,
                    List.of("-proc:none", "-d", output.toString()), null, List.of(new WarmUpSource())).call();
            LOG.debugf("Compiler warm-up (%s) took %d ms", compiled ? "ok" : "failed", (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Compiler warm-up failed", e); // only ever a slower first reload
        } finally {
            delete(output);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a few bytes left in the temp folder
        }
    }

    /** A class that touches what functions usually do: generics, lambdas, records, string building. */
    private static final class WarmUpSource extends SimpleJavaFileObject {

        WarmUpSource() {
            super(URI.create("string:///WarmUp.java"), Kind.SOURCE);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return """
                    import java.util.*;
                    import java.util.stream.*;
                    class WarmUp {
                        record Item(String name, int count) { }
                        Map<String, Object> answer(String payload, Map<String, String> env) throws Exception {
                            List<Item> items = new ArrayList<>();
                            for (String part : payload.split(",")) {
                                items.add(new Item(part.trim(), part.length()));
                            }
                            String names = items.stream().map(Item::name).filter(n -> !n.isEmpty()).collect(Collectors.joining(", "));
                            return Map.of("names", "Hello, " + names + "!", "total", items.stream().mapToInt(Item::count).sum(),
                                    "env", env.getOrDefault("KEY", "none"));
                        }
                    }
                    """;
        }
    }
}
