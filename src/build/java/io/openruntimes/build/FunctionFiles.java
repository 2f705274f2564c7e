package io.openruntimes.build;

import java.nio.file.Path;
import java.util.List;

/**
 * A function folder's files as a JVM build takes them ({@link FunctionLayout}, {@link
 * FunctionResources}) and the release it compiles for, for dev mode (src/dev/java), which compiles them again in the runtime's
 * JVM at every save: the same sources and the same served resources as a deployment.
 */
public final class FunctionFiles {

    private final Path folder;
    private final FunctionLayout layout;

    public FunctionFiles(Path folder) {
        this.folder = folder;
        this.layout = FunctionLayout.of(folder);
    }

    /** Its pom.xml, where the release is set, whether it exists or not. */
    public Path pom() {
        return folder.resolve(FunctionPom.FILE);
    }

    /**
     * The Java release a build compiles for, read again at each call (the author may change it):
     * the pom's {@code maven.compiler.release}, else this JDK's.
     */
    public String release() {
        return FunctionCompiler.release(FunctionPom.read(folder));
    }

    /** The .java files a build compiles, in name order. */
    public List<Path> sources() {
        return layout.sourceFiles();
    }

    /** The files served beside the classes, in name order. */
    public List<Path> resources() {
        return List.copyOf(FunctionResources.of(layout).values());
    }

    /** Copies the served files into {@code classes}, as a build does. */
    public void copyResources(Path classes) {
        FunctionResources.copy(layout, classes);
    }
}
