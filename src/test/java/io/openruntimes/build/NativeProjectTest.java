package io.openruntimes.build;

import static io.openruntimes.build.TestFunctions.INDEX;
import static io.openruntimes.build.TestFunctions.MAIN;
import static io.openruntimes.build.TestFunctions.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quarkus project a native build writes for a function folder: what of the
 * function's pom.xml and Gradle files and of the runtime's own pom it keeps, and the generated
 * configuration naming the entry class (no Maven runs).
 */
class NativeProjectTest {

    @TempDir
    Path temp;

    private Path function(String... namesAndContents) {
        return TestFunctions.write(temp.resolve("function"), namesAndContents);
    }

    private NativeProject project(Path function, String entrypoint) {
        return new NativeProject(RUNTIME, function, entrypoint, temp.resolve("workspace"), Map.of());
    }

    private String pom() throws IOException {
        return Files.readString(temp.resolve("workspace/pom.xml"));
    }

    private String generated(String file) throws IOException {
        return Files.readString(temp.resolve("workspace/generated/META-INF").resolve(file));
    }

    @Test
    void theLayoutsFoldersBecomeThePomsSourceAndResourceFolders() throws IOException {
        Path flat = function("Index.java", INDEX);
        assertEquals("Index", project(flat, "Index.java").write());
        assertEquals(flat.toString(), element(pom(), "function.dir"));
        assertEquals(flat.toString(), element(pom(), "function.resources"));

        Path maven = TestFunctions.write(temp.resolve("maven"), "src/main/java/com/example/Index.java", "package com.example; " + INDEX);
        assertEquals("com.example.Index", project(maven, "com/example/Index.java").write());
        assertEquals(maven.resolve("src/main/java").toString(), element(pom(), "function.dir"));
        assertEquals(maven.resolve("src/main/resources").toString(), element(pom(), "function.resources"));
    }

    @Test
    void theFunctionsTestDependenciesAndTheApiStayOutOfTheServedBuild() throws IOException {
        Path function = function("Index.java", INDEX, "pom.xml", """
                <project>
                  <dependencies>
                    <dependency><groupId>io.openruntimes</groupId><artifactId>function-api</artifactId><version>1</version><scope>provided</scope></dependency>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>kept</artifactId><version>2</version></dependency>
                  </dependencies>
                </project>
                """);
        project(function, "Index.java").write();
        assertTrue(pom().contains("<artifactId>kept</artifactId>"), pom());
        assertFalse(pom().contains("function-api"), pom());
        assertFalse(pom().contains("junit-jupiter"), pom());
    }

    @Test
    void theRuntimesOwnTestsBuilderAndDevProfileAreLeftOut() throws IOException {
        Path function = function("Index.java", INDEX);
        project(function, "Index.java").write();
        String pom = pom();
        assertEquals(temp.resolve("workspace/no-tests").toString(), element(pom, "testSourceDirectory"));
        assertFalse(pom.contains("<testResources>"), pom);
        assertFalse(pom.contains("test-functions"), pom);
        assertFalse(pom.contains("builder-sources"), pom);
        assertFalse(pom.contains("generate-code-tests"), pom);
        assertFalse(pom.contains("<profiles>"), pom);
    }

    @Test
    void theJavaLevelIsTheBuildingJdksUnlessThePomSetsOne() throws IOException {
        Path function = function("Index.java", INDEX);
        project(function, "Index.java").write();
        assertEquals(Integer.toString(Runtime.version().feature()), element(pom(), "maven.compiler.release"));

        function("pom.xml", "<project><properties><maven.compiler.release>21</maven.compiler.release></properties></project>");
        project(function, "Index.java").write();
        Matcher releases = Pattern.compile("<maven.compiler.release>([^<]*)<").matcher(pom());
        while (releases.find()) {
            assertEquals("21", releases.group(1), pom());
        }
    }

    @Test
    void theGeneratedConfigurationNamesTheEntryClassAndKeepsTheFunctionOutOfCdi() throws IOException {
        Path folder = function("Index.java", "import io.openruntimes.quarkus.*;\npublic class Index { " + MAIN + " }\n",
                "lib/Greeter.java", "package lib;\npublic class Greeter { }\n");
        project(folder, "Index.java").write();
        String config = generated("microprofile-config.properties");
        assertTrue(config.contains("openruntimes.function.class=Index\n"), config);
        assertTrue(config.contains("openruntimes.function.entrypoint=Index.java\n"), config);
        assertTrue(config.contains("quarkus.arc.exclude-types=.*,lib.*\n"), config);
        assertTrue(generated("native-image/io.openruntimes/function/reflect-config.json")
                .contains("[\"io.openruntimes.quarkus.Request\", \"io.openruntimes.quarkus.Response\"]"));
    }

    @Test
    void aV5EntryClassIsRegisteredWithTheV5Signature() throws IOException {
        Path folder = function("NoExport.java", "package io.openruntimes.java;\npublic class NoExport { }\n");
        assertEquals("io.openruntimes.java.NoExport", project(folder, "NoExport.java").v5(true).write());
        assertTrue(generated("native-image/io.openruntimes/function/reflect-config.json")
                .contains("\"parameterTypes\": [\"io.openruntimes.java.RuntimeContext\"]"));
    }

    /** Issue 8: root *.gradle files and pom.xml together; the pom wins a clash, test scope stays out. */
    @Test
    void gradleAndPomDependenciesAreUnitedAndThePomWins() throws IOException {
        Path folder = function("Index.java", INDEX,
                "dependencies.gradle", """
                        dependencies {
                            implementation "com.google.code.gson:gson:2.9.0"
                            compileOnly 'org.projectlombok:lombok:1.18.30'
                            runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.3'
                            testImplementation "org.junit.jupiter:junit-jupiter:5.10.0"
                            implementation "org.apache.commons:commons-lang3:3.0"
                        }
                        """,
                "nested/ignored.gradle", "dependencies { implementation 'x:nested:1' }",
                "pom.xml", """
                        <project><dependencies>
                          <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency>
                        </dependencies></project>
                        """);
        project(folder, "Index.java").write();
        String pom = pom().replaceAll("\\s+", "");
        assertTrue(pom.contains("<dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>2.9.0</version></dependency>"), pom);
        assertTrue(pom.contains("<artifactId>lombok</artifactId><version>1.18.30</version><scope>provided</scope>"), pom);
        assertTrue(pom.contains("<artifactId>postgresql</artifactId><version>42.7.3</version><scope>runtime</scope>"), pom);
        assertTrue(pom.contains("<version>3.14.0</version>"), pom);
        assertFalse(pom.contains("<version>3.0</version>"), pom);
        assertFalse(pom.contains("junit-jupiter</artifactId><version>5.10.0"), pom);
        assertFalse(pom.contains("nested"), pom);
    }

    @Test
    void aDependencyTheRuntimeNeedsKeepsTheRuntimesVersionAndSaysSo() throws IOException {
        Path folder = function("Index.java", INDEX, "pom.xml", """
                <project><properties><jackson>2.10.0</jackson></properties><dependencies>
                  <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>${jackson}</version></dependency>
                </dependencies></project>
                """);
        NativeProject project = new NativeProject(RUNTIME, folder, "Index.java", temp.resolve("workspace"),
                Map.of("com.fasterxml.jackson.core:jackson-databind", "2.20.1"));
        project.write();
        assertTrue(project.warnings().contains("the function's pom.xml asks for com.fasterxml.jackson.core:jackson-databind:2.10.0, "
                + "but the runtime needs com.fasterxml.jackson.core:jackson-databind:2.20.1 at run time; the function gets 2.20.1"),
                project.warnings().toString());
        assertTrue(pom().replaceAll("\\s+", "").contains("<artifactId>jackson-databind</artifactId><version>2.20.1</version>"), pom());
    }

    /** Issue 9 point 12: what the pom holds but the build does not honour is named; versionless deps say their BOM. */
    @Test
    void unhonouredPomPartsAndVersionlessDependenciesAreNamedInWarnings() {
        Path folder = function("Index.java", INDEX, "pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                  <parent><groupId>p</groupId><artifactId>p</artifactId><version>1</version></parent>
                  <dependencyManagement/><build/><profiles/><modules/>
                  <dependencies>
                    <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>unmanaged</artifactId></dependency>
                  </dependencies>
                </project>
                """);
        NativeProject project = project(folder, "Index.java");
        project.write();
        assertTrue(project.warnings().contains("the function's pom.xml has <parent>, <dependencyManagement>, <build>, <profiles>, <modules>, "
                + "which the build does not honour: only its <properties>, <repositories> and <dependencies> are used "
                + "(the runtime's own build and BOM apply)"), project.warnings().toString());
        String quarkusBom = NativeProject.managedVersion("io.quarkus", "quarkus-bom", System.getProperty("quarkus.platform.version", "3.33.2"),
                "com.google.code.gson:gson");
        assertTrue(project.warnings().contains("the function's dependency com.google.code.gson:gson has no version: it gets "
                + quarkusBom + " from the BOM io.quarkus:quarkus-bom:3.33.2"), project.warnings().toString());
        assertTrue(project.warnings().contains("the function's dependency org.example:unmanaged has no version: "
                + "it takes its version from one of the BOMs io.quarkus:quarkus-bom if one manages it"), project.warnings().toString());
    }

    private static String element(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertTrue(m.find(), name + " in " + pom);
        return m.group(1).trim();
    }
}
