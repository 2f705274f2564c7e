package io.openruntimes.java;

/** An entry class without main(RuntimeContext): every execution answers 503. */
public class V5NoMain {

    public RuntimeOutput handle(RuntimeContext context) {
        return context.getRes().text("never");
    }
}
