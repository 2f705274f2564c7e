package io.openruntimes.dev;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * dev.sh's first step, in a JVM of its own before the runtime starts: compiles the function once
 * and says which API its entry class speaks, which is the protocol the runtime is started for.
 * Prints {@code <protocol> <entry class>} on stdout; a function that does not compile, or whose
 * class has neither {@code main}, gets the reason on stderr and exit status 1.
 */
public final class DevStart {

    static final String V5_CONTEXT = "io.openruntimes.java.RuntimeContext";
    static final List<String> CLASSIC_PARAMETERS = List.of("io.openruntimes.quarkus.Request", "io.openruntimes.quarkus.Response");

    private DevStart() {
    }

    public static void main(String[] args) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        FunctionFolder folder = new FunctionFolder(settings.code());
        Path classes = settings.workspace().resolve("start/classes");
        FunctionCompiler.Result result = new FunctionCompiler().compile(folder, folder.entrypoint(settings.entrypoint()),
                settings.compileClassPath(), classes);
        if (!result.compiled()) {
            System.err.println("dev.sh: the function does not compile:\n" + result.report());
            System.exit(1);
        }
        List<Path> classPath = Stream.concat(Stream.of(classes), settings.compileClassPath().stream()).toList();
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader())) {
            Class<?> entry;
            try {
                entry = Class.forName(result.entryClass(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                System.err.println("dev.sh: " + settings.entrypoint() + " declares no class " + result.entryClass()
                        + ": the entry class is named as its file (" + e + ")");
                System.exit(1);
                return;
            }
            String protocol = protocol(entry);
            if (protocol == null) {
                System.err.println("dev.sh: class " + entry.getName() + " has neither public RuntimeOutput main(RuntimeContext context)"
                        + " (the v5 API, io.openruntimes.java) nor public Response main(Request req, Response res)"
                        + " (the classic API, io.openruntimes.quarkus): the runtime calls one of them");
                System.exit(1);
            }
            System.out.println(protocol + " " + entry.getName());
        }
    }

    /** {@code v5} for {@code main(RuntimeContext)}, {@code classic} for {@code main(Request, Response)}, else null. */
    static String protocol(Class<?> entry) {
        List<List<String>> mains = Arrays.stream(entry.getMethods()).filter(method -> method.getName().equals("main"))
                .map(method -> Arrays.stream(method.getParameterTypes()).map(Class::getName).toList()).toList();
        if (mains.contains(List.of(V5_CONTEXT))) {
            return "v5";
        }
        return mains.contains(CLASSIC_PARAMETERS) ? "classic" : null;
    }

    private static URL[] urls(List<Path> classPath) throws Exception {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        return urls;
    }
}
