package io.openruntimes.quarkus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 9 point 9: the start-time INTERNAL_RUNTIME_ENTRYPOINT against the built one, one case a row. */
class EntrypointAtStartTest {

    @ParameterizedTest(name = "built {0}, at start {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # built          | at start (empty: unset) | served
            Index.java       |                         | yes
            Index.java       | Index.java              | yes
            Index.java       | ./Index.java            | yes
            src/Main.java    | src/./Main.java         | yes
            Index.java       | Main.java               | INTERNAL_RUNTIME_ENTRYPOINT names Main.java, but this build compiled Index.java: rebuild the function with INTERNAL_RUNTIME_ENTRYPOINT=Main.java, or start it with Index.java
            src/Main.java    | Main.java               | INTERNAL_RUNTIME_ENTRYPOINT names Main.java, but this build compiled src/Main.java: rebuild the function with INTERNAL_RUNTIME_ENTRYPOINT=Main.java, or start it with src/Main.java
            """)
    void theBuiltEntrypointIsServedOnlyWhenStartNamesTheSameFile(String built, String atStart, String served) {
        assertEquals(served.equals("yes") ? Optional.empty() : Optional.of(served),
                EntrypointAtStart.mismatch(built, Optional.ofNullable(atStart)));
    }
}
