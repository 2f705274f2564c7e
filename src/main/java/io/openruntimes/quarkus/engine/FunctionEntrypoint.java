package io.openruntimes.quarkus.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.UnaryOperator;

/**
 * The user's {@code main}, of the shape a protocol asks for ({@link MainSignature}), found once
 * per process.
 *
 * <p>When the class or method cannot be used, the entrypoint stays {@linkplain #available()
 * unavailable} with a message saying why: the server still starts and answers every execution
 * with that message, rather than refusing to boot.
 *
 * <p>The function's class loader is the thread's context class loader while its class
 * initialises, its constructor runs and its {@code main} runs (and so on the threads it starts):
 * {@code ServiceLoader}, {@code DriverManager} and libraries that look resources up there find
 * the function's jars, as in a plain Java program.
 */
public final class FunctionEntrypoint {

    private final String className;
    private final ClassLoader loader;
    private final Constructor<?> constructor;
    private final Object sharedTarget;
    private final Method main;
    private final String problem;
    /** What each call's arguments become before {@code main} gets them: themselves, unless {@link #withArguments}. */
    private final UnaryOperator<Object[]> arguments;

    private FunctionEntrypoint(String className, ClassLoader loader, Constructor<?> constructor, Object sharedTarget,
            Method main, String problem) {
        this(className, loader, constructor, sharedTarget, main, problem, UnaryOperator.identity());
    }

    private FunctionEntrypoint(String className, ClassLoader loader, Constructor<?> constructor, Object sharedTarget,
            Method main, String problem, UnaryOperator<Object[]> arguments) {
        this.className = className;
        this.loader = loader;
        this.constructor = constructor;
        this.sharedTarget = sharedTarget;
        this.main = main;
        this.problem = problem;
        this.arguments = arguments;
    }

    /**
     * Loads {@code className} and checks its {@code main}. Unless {@code main} is static or the
     * signature asks for an instance per call, makes the one instance now.
     */
    public static FunctionEntrypoint load(String className, String entrypointFile, ClassLoader loader, MainSignature signature) {
        if (className == null || className.isBlank()) {
            return unavailable(null, "No entrypoint class is configured for " + entrypointFile
                    + ": build the function with build.sh, or set openruntimes.function.class");
        }
        Class<?> type;
        ClassLoader before = enter(loader);
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return unavailable(className, "Entrypoint class " + className + " (from " + entrypointFile
                    + ") cannot be loaded: " + e);
        } finally {
            exit(before);
        }
        Method main;
        try {
            main = type.getMethod("main", signature.parameters().toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            return unavailable(className, "Entrypoint class " + className + " has no public method "
                    + signature.description());
        }
        if (!signature.returnType().isAssignableFrom(main.getReturnType())) {
            return unavailable(className, "Entrypoint " + className + "." + signature.description()
                    + " must return " + signature.returnType().getName() + ", not " + main.getReturnType().getName());
        }
        // A package-private class with a public main is still usable: don't be stricter than javac.
        main.setAccessible(true);
        if (Modifier.isStatic(main.getModifiers())) {
            return new FunctionEntrypoint(className, loader, null, null, main, null);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            return unavailable(className, "Entrypoint class " + className + " has no no-argument constructor");
        }
        if (signature.instancePerCall()) {
            return new FunctionEntrypoint(className, loader, constructor, null, main, null);
        }
        ClassLoader outer = enter(loader);
        try {
            return new FunctionEntrypoint(className, loader, null, instantiate(className, constructor), main, null);
        } catch (ExecutionFailure e) {
            return unavailable(className, e.getMessage());
        } finally {
            exit(outer);
        }
    }

    /** An entrypoint every execution of which fails with {@code problem}, of kind ENTRYPOINT_UNAVAILABLE. */
    public static FunctionEntrypoint unavailable(String className, String problem) {
        return new FunctionEntrypoint(className, null, null, null, null, problem);
    }

    /**
     * The same function, {@code adapt} applied to each call's arguments first (dev mode echoes a
     * v5 function's {@code context.log} lines on the console this way).
     */
    public FunctionEntrypoint withArguments(UnaryOperator<Object[]> adapt) {
        return new FunctionEntrypoint(className, loader, constructor, sharedTarget, main, problem, adapt);
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

    /**
     * Calls the user's {@code main}, rethrowing whatever it threw as itself. Where each call gets
     * its own instance and the constructor fails, throws an {@link ExecutionFailure} of kind
     * {@link ExecutionFailure.Kind#ENTRYPOINT_UNAVAILABLE}: the function did not get to run.
     */
    public Object call(Object... arguments) throws Throwable {
        if (main == null) {
            throw new ExecutionFailure(ExecutionFailure.Kind.ENTRYPOINT_UNAVAILABLE, problem);
        }
        ClassLoader before = enter(loader);
        try {
            Object target = constructor == null ? sharedTarget : instantiate(className, constructor);
            return main.invoke(target, this.arguments.apply(arguments));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            exit(before);
        }
    }

    /** Makes {@code loader} the thread's context class loader; returns the one to restore. */
    static ClassLoader enter(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        return before;
    }

    static void exit(ClassLoader before) {
        Thread.currentThread().setContextClassLoader(before);
    }

    private static Object instantiate(String className, Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new ExecutionFailure(ExecutionFailure.Kind.ENTRYPOINT_UNAVAILABLE, "Entrypoint class " + className
                    + " failed in its constructor:\n" + StackTraces.format(e.getCause(), className));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ExecutionFailure(ExecutionFailure.Kind.ENTRYPOINT_UNAVAILABLE,
                    "Entrypoint class " + className + " cannot be instantiated: " + e);
        }
    }
}
