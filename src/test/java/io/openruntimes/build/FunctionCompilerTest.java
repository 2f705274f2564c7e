package io.openruntimes.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac in the builder's JVM, and what it says in the author's terms. */
class FunctionCompilerTest {

    @TempDir
    Path temp;

    private String compile(Path folder, String release) {
        return new FunctionCompiler(folder, "/home/ada/my-function").compile(FunctionLayout.of(folder).sourceFiles(),
                List.of(TestFunctions.apiJar()), release, temp.resolve("classes"));
    }

    @Test
    void aFunctionCompilesAgainstTheApiAtTheRequestedRelease() throws Exception {
        Path folder = TestFunctions.write(temp.resolve("f"), "Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { "
                + TestFunctions.MAIN + " }\n", "lib/Greeter.java", "package lib;\npublic class Greeter { record Name(String value) { } }\n");
        assertEquals("", compile(folder, "17"));
        byte[] header = Files.readAllBytes(temp.resolve("classes/Index.class"));
        assertEquals(61, header[7], "class file version 61 is Java 17");
        assertTrue(Files.isRegularFile(temp.resolve("classes/lib/Greeter$Name.class")));
    }

    @Test
    void errorsNameTheFileAsTheAuthorKnowsItWithLineAndSourceLine() {
        Path folder = TestFunctions.write(temp.resolve("f"), "Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { "
                + TestFunctions.MAIN + " }\n", "lib/Broken.java", "package lib;\n\npublic class Broken {\n    int x = \"text\";\n    Missing m;\n}\n");
        var failure = assertThrows(BuildFailure.class, () -> compile(folder, "17"));
        assertEquals("the function does not compile (errors above, with file and line)", failure.getMessage());
        // javac's own form: file:line, the line, a caret under the column, and its count.
        assertTrue(failure.details().contains("/home/ada/my-function/lib/Broken.java:4: error: incompatible types: String cannot be converted to int\n"
                + "    int x = \"text\";\n            ^"), failure.details());
        assertTrue(failure.details().contains("/home/ada/my-function/lib/Broken.java:5: error: cannot find symbol\n    Missing m;"), failure.details());
        assertTrue(failure.details().endsWith("2 errors"), failure.details());
        assertTrue(!failure.details().contains(folder.toString()), "the copy's path is the builder's business: " + failure.details());
    }

    @Test
    void warningsAreAnsweredInJavacsFormWithFileAndLine() {
        Path folder = TestFunctions.write(temp.resolve("f"), "Old.java", "public class Old {\n    @Deprecated(forRemoval = true) static void gone() { }\n}\n",
                "User.java", "public class User {\n    void use() {\n        Old.gone();\n    }\n}\n");
        String warnings = compile(folder, "17");
        assertTrue(warnings.startsWith("/home/ada/my-function/User.java:3: warning: [removal] gone() in Old has been deprecated and marked for removal"),
                warnings);
        assertTrue(warnings.endsWith("1 warning"), warnings);
    }

    @Test
    void aReleaseThisJdkCannotCompileForFailsNamingIt() {
        Path folder = TestFunctions.write(temp.resolve("f"), "Index.java", "public class Index { }\n");
        var failure = assertThrows(BuildFailure.class, () -> compile(folder, "99"));
        assertTrue(failure.getMessage().contains("maven.compiler.release 99") && failure.getMessage().contains("release version 99 not supported"),
                failure.getMessage());
    }

    @Test
    void theReleaseIsThePomsOrElseTheBuildingJdks() {
        assertEquals(Integer.toString(Runtime.version().feature()), FunctionCompiler.release(null));
        Path folder = TestFunctions.write(temp.resolve("p"), "pom.xml",
                "<project><properties><v>21</v><maven.compiler.release>${v}</maven.compiler.release></properties></project>");
        assertEquals("21", FunctionCompiler.release(FunctionPom.read(folder)));
    }
}
