package io.openruntimes.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a build reads from a function's own pom.xml. */
class FunctionPomTest {

    @TempDir
    Path temp;

    private FunctionPom pom(String xml) {
        return FunctionPom.read(TestFunctions.write(temp.resolve("function"), "pom.xml", xml));
    }

    @Test
    void aFolderWithoutPomHasNone() {
        assertNull(FunctionPom.read(TestFunctions.write(temp.resolve("bare"))));
    }

    @Test
    void itsPropertiesInTheirOrder() {
        FunctionPom pom = pom("<project><properties><b>2</b><a> 1 </a></properties></project>");
        assertEquals(Map.of("b", "2", "a", "1"), pom.properties());
        assertEquals(List.of("b", "a"), List.copyOf(pom.properties().keySet()));
    }

    /** One dependency a row: whether it is served (in the function's build at all). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # dependency                                                                                   | served
            <groupId>g</groupId><artifactId>a</artifactId><version>1</version>                             | true
            <groupId>g</groupId><artifactId>a</artifactId><version>1</version><scope>provided</scope>      | true
            <groupId>g</groupId><artifactId>a</artifactId><version>1</version><scope>runtime</scope>       | true
            <groupId>g</groupId><artifactId>a</artifactId><version>1</version><scope>test</scope>          | false
            <groupId>io.openruntimes</groupId><artifactId>function-api</artifactId><version>1</version>    | false
            <groupId>io.openruntimes</groupId><artifactId>other</artifactId><version>1</version>           | true
            """)
    void servedOrNot(String dependency, boolean served) {
        FunctionPom pom = pom("<project><dependencies><dependency>" + dependency + "</dependency></dependencies></project>");
        assertEquals(served ? 1 : 0, pom.dependencies().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # properties                                                                     | release
            <x>1</x>                                                                         |
            <maven.compiler.release>21</maven.compiler.release>                              | 21
            <java>17</java><maven.compiler.release>${java}</maven.compiler.release>          | 17
            <maven.compiler.release>${undefined}</maven.compiler.release>                    | ${undefined}
            <maven.compiler.release>${java.specification.version}</maven.compiler.release>   | JAVA
            """)
    void itsJavaRelease(String properties, String release) {
        // JAVA: Java's own property, as Maven reads it (the scaffold's pom asks for the building JDK's level).
        String expected = "JAVA".equals(release) ? System.getProperty("java.specification.version") : release;
        assertEquals(expected, pom("<project><properties>" + properties + "</properties></project>").release());
    }

    @Test
    void theSectionsABuildDoesNotHonourAreNamed() {
        FunctionPom pom = pom("""
                <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                  <parent/><dependencyManagement/><build/><build/><properties/><dependencies/></project>
                """);
        assertEquals("the function's pom.xml has <parent>, <dependencyManagement>, <build>, which the build does not honour: "
                + "only its <properties>, <repositories> and <dependencies> are used (why)",
                pom.ignoredPartsWarning(List.of("properties", "repositories", "dependencies"), " (why)"));
        assertEquals("the function's pom.xml has <parent>, <build>, which the build does not honour: "
                + "only its <properties>, <repositories>, <dependencyManagement> and <dependencies> are used",
                pom.ignoredPartsWarning(List.of("properties", "repositories", "dependencyManagement", "dependencies"), ""));
        assertNull(pom("<project><groupId>g</groupId><dependencies/></project>")
                .ignoredPartsWarning(List.of("properties", "repositories", "dependencies"), ""));
    }

    @Test
    void anUnreadablePomFailsNamingIt() {
        var failure = assertThrows(BuildFailure.class, () -> pom("<project><dependencies></project>"));
        assertTrue(failure.getMessage().startsWith("the function's pom.xml cannot be read ("), failure.getMessage());
        // No doctype: no external entity reaches into the builder's files.
        failure = assertThrows(BuildFailure.class, () -> pom("<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>"));
        assertTrue(failure.getMessage().contains("DOCTYPE"), failure.getMessage());
    }
}
