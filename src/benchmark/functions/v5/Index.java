package io.openruntimes.java;

/** Benchmark function for the v5 protocol: the smallest answer, so the runtime's own cost dominates. */
public class Index {

    public RuntimeOutput main(RuntimeContext context) {
        return context.getRes().text("ok");
    }
}
