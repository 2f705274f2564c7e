package io.openruntimes.build;

import java.nio.file.Path;

/**
 * A function folder that passed the checks both kinds of build make before compiling anything:
 * its entrypoint is a .java file inside it, no link leads out of it, no source of it would
 * replace a runtime class or hook into the runtime's framework, and (classic protocol) its entry
 * class has a {@code main} the runtime can call.
 */
record CheckedFunction(FunctionLayout layout, Path entryFile, String className, SourceChecks sources) {

    static CheckedFunction check(Path folder, String entrypoint, boolean v5) {
        FunctionLayout layout = FunctionLayout.of(folder);
        Path entryFile = layout.entryFile(entrypoint);
        layout.checkLinksStayInside();
        SourceChecks sources = SourceChecks.parse(layout.sourceFiles(), layout.root());
        sources.checkNoRuntimeClass();
        sources.checkNoFrameworkHooks();
        if (!v5) {
            // v5 builds without a main on purpose (contract-v5 6.1: the no-export fixture builds, then answers 503).
            sources.checkClassicEntryClass(entryFile);
        }
        return new CheckedFunction(layout, entryFile, sources.className(entryFile), sources);
    }
}
