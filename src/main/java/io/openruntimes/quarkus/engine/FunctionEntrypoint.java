package io.openruntimes.quarkus.engine;

import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The user's {@code main(Request, Response)}, found once per process.
 *
 * <p>When the class or method cannot be used, the entrypoint stays {@linkplain #available()
 * unavailable} with a message saying why: the server still starts and answers every execution
 * with that message, rather than refusing to boot.
 */
public final class FunctionEntrypoint {

    private final String className;
    private final Object target;
    private final Method main;
    private final String problem;

    private FunctionEntrypoint(String className, Object target, Method main, String problem) {
        this.className = className;
        this.target = target;
        this.main = main;
        this.problem = problem;
    }

    /** Loads {@code className}, checks its {@code main} and, unless static, makes the one instance. */
    public static FunctionEntrypoint load(String className, String entrypointFile, ClassLoader loader) {
        if (className == null || className.isBlank()) {
            return unavailable(null, "No entrypoint class is configured for " + entrypointFile
                    + ": build the function with build.sh, or set openruntimes.function.class");
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return unavailable(className, "Entrypoint class " + className + " (from " + entrypointFile
                    + ") cannot be loaded: " + e);
        }
        Method main;
        try {
            main = type.getMethod("main", Request.class, Response.class);
        } catch (NoSuchMethodException e) {
            return unavailable(className, "Entrypoint class " + className
                    + " has no public method main(Request req, Response res)");
        }
        if (!Response.class.isAssignableFrom(main.getReturnType())) {
            return unavailable(className, "Entrypoint " + className + ".main(Request, Response) must return "
                    + Response.class.getName() + ", not " + main.getReturnType().getName());
        }
        // A package-private class with a public main is still usable: don't be stricter than javac.
        main.setAccessible(true);
        if (Modifier.isStatic(main.getModifiers())) {
            return new FunctionEntrypoint(className, null, main, null);
        }
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return new FunctionEntrypoint(className, constructor.newInstance(), main, null);
        } catch (NoSuchMethodException e) {
            return unavailable(className, "Entrypoint class " + className + " has no no-argument constructor");
        } catch (InvocationTargetException e) {
            return unavailable(className, "Entrypoint class " + className + " failed in its constructor:\n"
                    + StackTraces.format(e.getCause(), className));
        } catch (ReflectiveOperationException | LinkageError e) {
            return unavailable(className, "Entrypoint class " + className + " cannot be instantiated: " + e);
        }
    }

    static FunctionEntrypoint unavailable(String className, String problem) {
        return new FunctionEntrypoint(className, null, null, problem);
    }

    public boolean available() {
        return problem == null;
    }

    /** Why the entrypoint is unavailable; {@code null} when it is available. */
    public String problem() {
        return problem;
    }

    public String className() {
        return className;
    }

    /** Calls the user's {@code main}, rethrowing whatever it threw as itself. */
    Response call(Request request, Response response) throws Throwable {
        try {
            return (Response) main.invoke(target, request, response);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
