package com.example.dev;

/** A second source file: a save to it reloads too. */
final class Greeting {

    private Greeting() {
    }

    static String of(String name) {
        return "Hello, " + name;
    }
}
