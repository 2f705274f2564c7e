package io.openruntimes.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pom a JVM build runs Maven on: the function's dependencies as it declares them, no runtime BOM (no Maven runs here). */
class ResolutionPomTest {

    @TempDir
    Path temp;

    private int functions;

    /** A new function folder holding {@code namesAndContents}, and its pom. */
    private ResolutionPom of(String... namesAndContents) {
        Path folder = TestFunctions.write(temp.resolve("function" + ++functions), namesAndContents);
        return ResolutionPom.of(folder, FunctionPom.read(folder), temp.resolve("work/dependencies.txt"));
    }

    @Test
    void aFunctionWithoutDependenciesNeedsNoMaven() {
        assertTrue(of("Index.java", "").empty());
        assertTrue(of("pom.xml", "<project><dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>"
                + "<version>5.14.4</version><scope>test</scope></dependency></dependencies></project>",
                "build.gradle", "dependencies { testImplementation 'g:a:1' }\nplugins { id 'java' }").empty());
    }

    @Test
    void theDeclaredVersionsPropertiesAndRepositoriesAreKeptAndNoRuntimeBomIsImported() {
        ResolutionPom pom = of("pom.xml", """
                <project>
                  <properties><gson.version>2.11.0</gson.version></properties>
                  <repositories><repository><id>mine</id><url>https://example.com/m2</url></repository></repositories>
                  <dependencies>
                    <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>${gson.version}</version>
                      <exclusions><exclusion><groupId>com.google.errorprone</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                  </dependencies>
                </project>
                """, "deps.gradle", "dependencies { implementation 'org.apache.commons:commons-lang3:3.17.0' }");
        String xml = pom.xml().replaceAll("\\s+", "");
        assertTrue(xml.contains("<gson.version>2.11.0</gson.version>"), xml);
        assertTrue(xml.contains("<url>https://example.com/m2</url>"), xml);
        assertTrue(xml.contains("<artifactId>gson</artifactId><version>${gson.version}</version><exclusions>"), xml);
        assertTrue(xml.contains("<artifactId>commons-lang3</artifactId><version>3.17.0</version>"), xml);
        assertFalse(xml.contains("quarkus"), xml);
        assertTrue(xml.contains("<outputFile>" + temp.resolve("work/dependencies.txt") + "</outputFile>"), xml);
        assertEquals(2, pom.declared().size());
        pom.checkVersions();
    }

    @Test
    void aVersionlessDependencyWithoutABomFailsNamingFileAndDependency() {
        var failure = assertThrows(BuildFailure.class, () -> of("pom.xml",
                "<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId></dependency></dependencies></project>")
                .checkVersions());
        assertTrue(failure.getMessage().startsWith("pom.xml: the dependency g:a has no version, and no BOM the function declares manages it"),
                failure.getMessage());
        failure = assertThrows(BuildFailure.class, () -> of("deps.gradle", "dependencies {\n  implementation 'g:a'\n}").checkVersions());
        assertTrue(failure.getMessage().startsWith("deps.gradle:2: the dependency g:a has no version"), failure.getMessage());
    }

    @Test
    void aBomTheFunctionDeclaresMayManageAVersionlessDependency() {
        ResolutionPom gradle = of("deps.gradle", "dependencies {\n  implementation platform('com.fasterxml.jackson:jackson-bom:2.15.4')\n"
                + "  implementation 'com.fasterxml.jackson.core:jackson-databind'\n}");
        gradle.checkVersions();
        String xml = gradle.xml().replaceAll("\\s+", "");
        assertTrue(xml.contains("<dependencyManagement><dependencies><dependency><groupId>com.fasterxml.jackson</groupId>"
                + "<artifactId>jackson-bom</artifactId><version>2.15.4</version><type>pom</type><scope>import</scope>"), xml);

        ResolutionPom maven = of("pom.xml", """
                <project>
                  <dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>3</version></dependency></dependencies></dependencyManagement>
                  <dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId></dependency></dependencies>
                </project>
                """);
        maven.checkVersions();
        assertTrue(maven.xml().replaceAll("\\s+", "").contains("<dependencyManagement><dependencies><dependency><groupId>g</groupId>"
                + "<artifactId>a</artifactId><version>3</version>"), maven.xml());
    }
}
