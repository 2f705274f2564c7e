package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.INDEX;
import static io.openruntimes.build.TestFunctions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of a function's files are served beside its classes, one path (relative to the resource folder) a row. */
class FunctionResourcesTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                          | served
            template.txt                    | true
            data/config.json                | true
            pom.xml                         | false
            data/pom.xml                    | true
            Index.java                      | false
            lib/Greeter.java                | false
            build.gradle                    | false
            deps.gradle                     | false
            settings.gradle.kts             | false
            gradle.properties               | false
            gradle/wrapper/gradle-wrapper.jar | false
            gradlew                         | false
            gradlew.bat                     | false
            mvnw                            | false
            mvnw.cmd                        | false
            code.tar.gz                     | false
            src/test/java/IndexTest.java    | false
            src/test/resources/fixture.json | false
            target/classes/Index.class      | false
            META-INF/resources/index.html   | false
            META-INF/services/a.Service     | true
            data/META-INF/resources/x.txt   | true
            .env                            | false
            .git/config                     | false
            data/.gitignore                 | false
            data/.cache/x.bin               | false
            """)
    void servedOrNot(String file, boolean served) {
        assertEquals(served, FunctionResources.served(file));
    }

    @Test
    void theServedFilesAreCopiedWithTheirPaths() throws IOException {
        Path function = write(temp.resolve("function"), "Index.java", INDEX, "template.txt", "Hello", "data/config.json", "{}",
                "pom.xml", "<project/>", "src/test/java/IndexTest.java", "class IndexTest { }");
        Path classes = temp.resolve("classes");
        FunctionResources.copy(FunctionLayout.of(function), classes);
        try (Stream<Path> files = Files.walk(classes)) {
            assertEquals(List.of("data/config.json", "template.txt"),
                    files.filter(Files::isRegularFile).map(f -> classes.relativize(f).toString()).sorted().toList());
        }
        assertEquals("Hello", Files.readString(classes.resolve("template.txt")));
    }

    @Test
    void inMavensLayoutTheResourcesAreSrcMainResources() throws IOException {
        Path function = write(temp.resolve("maven"), "src/main/java/Index.java", INDEX, "src/main/resources/greeting.txt", "Hi",
                "README.md", "not a resource", "src/test/resources/fixture.json", "{}");
        assertEquals(List.of("greeting.txt"), List.copyOf(FunctionResources.of(FunctionLayout.of(function)).keySet()));
        // A layout without resources has none.
        Path bare = write(temp.resolve("bare"), "src/main/java/Index.java", INDEX);
        assertEquals(0, FunctionResources.of(FunctionLayout.of(bare)).size());
    }
}
