package lib;

/** A second source file under the code root: it compiles with the entrypoint. */
public final class Greeter {

    private Greeter() {
    }

    public static String greet(String name) {
        return "Hello, " + name;
    }
}
