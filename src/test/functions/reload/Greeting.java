package com.example.reload;

/** A second source file, so the test can show that a save to any of the function's files reloads. */
final class Greeting {

    private Greeting() {
    }

    static String of(String name) {
        return "Hello, " + name;
    }
}
