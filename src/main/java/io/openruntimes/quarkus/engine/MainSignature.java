package io.openruntimes.quarkus.engine;

import java.util.List;

/**
 * The {@code main} a protocol calls: its parameters, what it returns, and whether one instance
 * serves the whole process or each execution gets a new one.
 *
 * @param protocol the protocol that calls it, as a build's descriptor names it ({@code classic}, {@code v5})
 * @param description how the method reads in the author's terms, for error messages
 */
public record MainSignature(String protocol, String description, Class<?> returnType, List<Class<?>> parameters,
        boolean instancePerCall) {
}
