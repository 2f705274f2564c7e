package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The builder's command line: what it prints where, and its exit codes. */
class FunctionBuilderTest {

    @TempDir
    Path temp;

    record Result(int exit, String out, String err) {
    }

    private static Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FunctionBuilder.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # arguments                                                     | the complaint
            ''                                                              | no mode
            compile                                                         | unknown mode compile
            native a b c                                                    | native takes RUNTIME_ROOT CODE ENTRYPOINT WORKSPACE
            jvm --code                                                      | --code needs a value
            jvm --colour red                                                | unknown option --colour
            jvm --code a --code b                                           | --code is given twice
            jvm --code a --entrypoint Index.java --protocol classic         | jvm needs --
            """)
    void aWrongCommandLineExits2WithTheUsage(String arguments, String complaint) {
        Result result = run(Map.of(), arguments.isEmpty() ? new String[0] : arguments.split(" "));
        assertEquals(2, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("FunctionBuilder: " + complaint), result.err());
        assertTrue(result.err().contains("usage: FunctionBuilder jvm"), result.err());
    }

    @Test
    void nativeWritesTheProjectAndPrintsTheClassAloneOnStandardOutput() {
        Path code = TestFunctions.write(temp.resolve("code"), "Index.java", TestFunctions.INDEX, "src/test/Old.java", "class Old { }");
        Result result = run(Map.of(), "native", RUNTIME.toString(), code.toString(), "Index.java", temp.resolve("workspace").toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("Index\n", result.out());
        assertTrue(temp.resolve("workspace/pom.xml").toFile().isFile());
    }

    @Test
    void aFailureExits1WithTheScriptsNameInFront() {
        Path code = TestFunctions.write(temp.resolve("code"), "Index.java", "public class Main { }");
        Result result = run(Map.of(), "native", RUNTIME.toString(), code.toString(), "Index.java", temp.resolve("workspace").toString());
        assertEquals(1, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("build.sh: Index.java must declare a public class Index"), result.err());

        result = run(Map.of("OPENRUNTIMES_PROTOCOL", "v4"), "native", RUNTIME.toString(), code.toString(), "Index.java", temp.toString());
        assertEquals("build.sh: OPENRUNTIMES_PROTOCOL must be classic or v5, not 'v4'\n", result.err());

        result = run(Map.of(), "jvm", "--code", code.toString(), "--entrypoint", "Index.java", "--protocol", "v4", "--api", "a.jar",
                "--maven", "mvnw", "--work", temp.resolve("w").toString(), "--out", temp.resolve("o").toString());
        assertEquals(1, result.exit());
        assertEquals("build.sh: the protocol must be classic or v5, not 'v4'\n", result.err());
    }
}
