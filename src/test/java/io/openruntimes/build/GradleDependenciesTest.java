package io.openruntimes.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gradle reader, one form a row: what {@code dependencies.gradle} holds, and the Maven
 * dependencies it becomes ({@code scope group:artifact:version[:classifier]}, {@code ;} between
 * several), or the error naming file and line.
 */
class GradleDependenciesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # gradle (\\n: a new line)                                              | Maven
            dependencies { implementation "com.google.code.gson:gson:2.9.0" }      | compile com.google.code.gson:gson:2.9.0
            dependencies { implementation 'com.google.code.gson:gson:2.9.0' }      | compile com.google.code.gson:gson:2.9.0
            dependencies {\\n  implementation("g:a:1")\\n}                          | compile g:a:1
            dependencies { implementation ('g:a:1') }                              | compile g:a:1
            dependencies { api "g:a:1" }                                           | compile g:a:1
            dependencies { compile "g:a:1" }                                       | compile g:a:1
            dependencies { compileOnly "g:a:1" }                                   | provided g:a:1
            dependencies { annotationProcessor "g:a:1" }                           | provided g:a:1
            dependencies { runtimeOnly "g:a:1" }                                   | runtime g:a:1
            dependencies { testImplementation "g:a:1" }                            | test g:a:1
            dependencies { testRuntimeOnly 'g:a:1' }                               | test g:a:1
            dependencies { implementation "g:a:1:jdk8" }                           | compile g:a:1:jdk8
            dependencies { implementation "g:a" }                                  | compile g:a:
            dependencies { implementation "g:a:[1.0,2.0)" }                        | compile g:a:[1.0,2.0)
            dependencies { implementation group: 'g', name: 'a', version: '1' }    | compile g:a:1
            dependencies { implementation(group: "g", name: "a", version: "1") }   | compile g:a:1
            dependencies { implementation name: 'a', group: 'g', version: '1', classifier: 'c' } | compile g:a:1:c
            dependencies {\\n  implementation group: 'g',\\n    name: 'a', version: '1'\\n} | compile g:a:1
            dependencies { implementation "g:a:1", "h:b:2" }                       | compile g:a:1;compile h:b:2
            dependencies { implementation "g:a:1"; runtimeOnly "h:b:2" }           | compile g:a:1;runtime h:b:2
            dependencies { implementation platform("g:bom:1") }                    | import g:bom:1
            dependencies { implementation(enforcedPlatform('g:bom:1')) }           | import g:bom:1
            // dependencies { implementation "x:y:1" }\\ndependencies { api "g:a:1" } | compile g:a:1
            dependencies {\\n  /* implementation "x:y:1"\\n  */ api "g:a:1" // a comment\\n} | compile g:a:1
            repositories { maven { url "https://example.com/m2" } }\\ndependencies { api "g:a:1" } | compile g:a:1
            buildscript { dependencies { classpath "x:plugin:1" } }\\ndependencies { api "g:a:1" } | compile g:a:1
            task x { doLast { println "dependencies { implementation 'x:y:1' }" } }\\ndependencies { api "g:a:1" } | compile g:a:1
            dependencies { implementation "g:a:1" /* } */ }                        | compile g:a:1
            plugins { id 'java' }\\napply plugin: 'java'\\nversion = '1.0'        |
            dependencies { }                                                       |
            """)
    void reads(String gradle, String maven) {
        List<GradleDependencies.Dependency> read = GradleDependencies.parse("dependencies.gradle", gradle.replace("\\n", "\n"));
        String found = read.stream().map(d -> d.scope() + " " + d.group() + ":" + d.artifact() + ":"
                + (d.version() == null ? "" : d.version()) + (d.classifier() == null ? "" : ":" + d.classifier()))
                .collect(Collectors.joining(";"));
        assertEquals(maven == null ? "" : maven, found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # gradle                                                               | the error names
            dependencies {\\n  implementation files('lib/a.jar')\\n}               | dependencies.gradle:2: cannot read the dependency `implementation files('lib/a.jar')`
            dependencies {\\n\\n  implementation project(':core')\\n}              | dependencies.gradle:3: cannot read
            dependencies { implementation "g:a:$version" }                         | uses a variable
            dependencies { implementation group: 'g', name: "a", version: "${v}" } | uses a variable
            dependencies { implementation "g:a:1.+" }                              | dynamic version 1.+
            dependencies { implementation "g:a:latest.release" }                   | dynamic version latest.release
            dependencies { implementation "g:a:1@aar" }                            | @extension
            dependencies { implementation "just-a-name" }                          | coordinates are group:artifact[:version[:classifier]]
            dependencies { implementation "g:a:1:c:x" }                            | coordinates are group:artifact[:version[:classifier]]
            dependencies { kapt "g:a:1" }                                          | unknown configuration kapt
            dependencies { implementation name: 'a', version: '1' }                | the map form takes group, name
            dependencies { implementation group: 'g', name: 'a', ext: 'zip' }      | not ext
            dependencies {\\n  implementation("g:a:1") {\\n    exclude group: 'x'\\n  }\\n} | dependencies.gradle:2: cannot read the dependency `implementation("g:a:1") {`: a block here
            dependencies { implementation platform("g:bom") }                      | a platform needs a version
            dependencies { implementation libs.gson }                              | expected quoted coordinates
            dependencies {\\n  implementation("g:a:1"\\n}                          | dependencies.gradle:2: cannot read the dependency `implementation("g:a:1"`: it does not end
            dependencies { implementation "g:a:1"                                  | dependencies.gradle:1: the dependencies block has no closing brace
            """)
    void refuses(String gradle, String message) {
        var failure = assertThrows(BuildFailure.class,
                () -> GradleDependencies.parse("dependencies.gradle", gradle.replace("\\n", "\n")));
        assertTrue(failure.getMessage().contains(message), failure.getMessage());
    }
}
