package io.openruntimes.java;

/** An entry class without main: the build must still succeed, and executions answer 503. */
public class NoExport {
}
