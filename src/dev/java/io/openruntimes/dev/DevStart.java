package io.openruntimes.dev;

import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * dev.sh's step between the builder's first build (the function folder in the workspace's
 * {@code start/}) and the runtime's start: which API the entry class speaks, and so which protocol
 * the runtime is started for. Prints {@code <protocol> <entry class>}; a class with neither
 * {@code main} gets a message naming both on stderr, and exit status 1.
 */
public final class DevStart {

    static final String V5_CONTEXT = "io.openruntimes.java.RuntimeContext";
    static final List<String> CLASSIC_PARAMETERS = List.of("io.openruntimes.quarkus.Request", "io.openruntimes.quarkus.Response");

    private DevStart() {
    }

    public static void main(String[] args) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        Properties descriptor = new Properties();
        try (Reader in = Files.newBufferedReader(settings.startBuild().resolve("function.properties"), StandardCharsets.UTF_8)) {
            descriptor.load(in);
        }
        String className = descriptor.getProperty("class");
        List<Path> classPath = new ArrayList<>(List.of(settings.startBuild().resolve("classes")));
        classPath.addAll(settings.compileClassPath(true));
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader())) {
            String protocol = protocol(Class.forName(className, false, loader));
            if (protocol == null) {
                System.err.println("dev.sh: class " + className + " has neither public RuntimeOutput main(RuntimeContext context)"
                        + " (the v5 API, io.openruntimes.java) nor public Response main(Request req, Response res)"
                        + " (the classic API, io.openruntimes.quarkus): the runtime calls one of them");
                System.exit(1);
            }
            System.out.println(protocol + " " + className);
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
