package io.openruntimes.quarkus.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class loader a built function runs in: its own classes and dependency jars, first and in
 * the versions it declared, over the JDK; of the runtime it sees only the function API (and,
 * for a v5 function that brings no Gson of its own, the runtime's Gson, as upstream's image
 * provides it). Quarkus, Vert.x, Netty, Jackson and the runtime's own classes stay invisible, so
 * a function's libraries never meet the runtime's.
 *
 * <p>Its parent is the platform class loader, so the JDK (java.sql, java.net.http, ...) resolves
 * as in a plain Java program, and resources, {@code ServiceLoader} and {@code DriverManager} see
 * the function's jars and nothing of the runtime's.
 */
public final class FunctionClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final String GSON = "com.google.gson.";

    private final ClassLoader runtime;
    private final boolean runtimeGson;

    /**
     * @param classPath the function's classes folder and its jars, in order
     * @param runtime the loader holding the function API (the runtime's own)
     * @param runtimeGson whether Gson falls back to the runtime's when the function has none
     */
    public FunctionClassLoader(String name, List<Path> classPath, ClassLoader runtime, boolean runtimeGson) {
        super(name, urls(classPath), ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
        this.runtimeGson = runtimeGson;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = FunctionApi.isApiClass(name) ? runtime.loadClass(name) : ownOrJdk(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private Class<?> ownOrJdk(String name) throws ClassNotFoundException {
        try {
            return getParent().loadClass(name);
        } catch (ClassNotFoundException notJdk) {
            try {
                return findClass(name);
            } catch (ClassNotFoundException notOwn) {
                if (runtimeGson && name.startsWith(GSON)) {
                    return runtime.loadClass(name);
                }
                throw notOwn;
            }
        }
    }

    private static URL[] urls(List<Path> classPath) {
        return classPath.stream().map(path -> {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new IOException("not a class path entry: " + path, e));
            }
        }).toArray(URL[]::new);
    }
}
