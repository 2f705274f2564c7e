package io.openruntimes.build;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The function builder's command line (SPEC section 4). Standard output is the entry class alone,
 * one line (scripts read it); warnings and errors go to standard error in the author's terms.
 * Exits 1 when the build fails, 2 on a wrong command line.
 *
 * <pre>
 * FunctionBuilder jvm --code DIR --shown-as DIR --entrypoint Index.java --protocol classic|v5
 *     --api function-api.jar [--gson gson.jar] --maven mvnw --work DIR --out DIR
 * FunctionBuilder native RUNTIME_ROOT CODE ENTRYPOINT WORKSPACE
 * </pre>
 *
 * {@code native} writes the Quarkus project with the function compiled in (its protocol from
 * {@code OPENRUNTIMES_PROTOCOL}).
 */
public final class FunctionBuilder {

    static final String USAGE = """
            usage: FunctionBuilder jvm --code DIR [--shown-as DIR] --entrypoint FILE --protocol classic|v5 --api JAR [--gson JAR]
                                       --maven MVNW --work DIR --out DIR
                   FunctionBuilder native RUNTIME_ROOT CODE ENTRYPOINT WORKSPACE""";
    static final Set<String> JVM_OPTIONS = Set.of("--code", "--shown-as", "--entrypoint", "--protocol", "--api", "--gson",
            "--maven", "--work", "--out");
    static final Set<String> JVM_REQUIRED = Set.of("--code", "--entrypoint", "--protocol", "--api", "--maven", "--work", "--out");

    private FunctionBuilder() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one build; answers the exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String mode = args.length == 0 ? "" : args[0];
        String prefix = "build.sh: ";
        try {
            List<String> warnings;
            String className;
            if (mode.equals("jvm")) {
                JvmBuild build = new JvmBuild(jvmOptions(Arrays.copyOfRange(args, 1, args.length)), environment);
                className = build.run();
                if (!build.compilerMessages().isEmpty()) {
                    err.println(build.compilerMessages());
                }
                warnings = build.warnings();
            } else if (mode.equals("native")) {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                if (rest.length != 4) {
                    throw new Usage("native takes RUNTIME_ROOT CODE ENTRYPOINT WORKSPACE");
                }
                Path runtime = Path.of(rest[0]);
                Path code = Path.of(rest[1]);
                Path workspace = Path.of(rest[3]);
                NativeProject project = new NativeProject(runtime, code, rest[2], workspace,
                        NativeProject.runtimeArtifactsFor(runtime, code, workspace))
                        .v5(isV5(environment.get("OPENRUNTIMES_PROTOCOL")));
                className = project.write();
                warnings = project.warnings();
            } else {
                throw new Usage(mode.isEmpty() ? "no mode" : "unknown mode " + mode);
            }
            warnings.forEach(w -> err.println("WARNING: " + w));
            out.println(className);
            return 0;
        } catch (Usage e) {
            err.println("FunctionBuilder: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (BuildFailure e) {
            if (e.details() != null) {
                err.println(e.details());
            }
            err.println(prefix + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Not the author's to fix, but theirs to see: one line, not a stack trace in their build log.
            err.println(prefix + "the build failed: " + e);
            return 1;
        }
    }

    static boolean isV5(String protocol) {
        if (protocol == null || protocol.isEmpty() || protocol.equals("classic")) {
            return false;
        }
        if (protocol.equals("v5")) {
            return true;
        }
        throw new BuildFailure("OPENRUNTIMES_PROTOCOL must be classic or v5, not '" + protocol + "'");
    }

    static JvmBuild.Options jvmOptions(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!JVM_OPTIONS.contains(args[i])) {
                throw new Usage("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new Usage(args[i] + " needs a value");
            }
            if (given.put(args[i], args[i + 1]) != null) {
                throw new Usage(args[i] + " is given twice");
            }
        }
        for (String required : JVM_REQUIRED) {
            if (!given.containsKey(required)) {
                throw new Usage("jvm needs " + required);
            }
        }
        Path code = Path.of(given.get("--code"));
        return new JvmBuild.Options(code, given.getOrDefault("--shown-as", code.toString()), given.get("--entrypoint"),
                given.get("--protocol"), Path.of(given.get("--api")), given.containsKey("--gson") ? Path.of(given.get("--gson")) : null,
                Path.of(given.get("--maven")), Path.of(given.get("--work")), Path.of(given.get("--out")));
    }

    /** A command line the builder cannot read. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
