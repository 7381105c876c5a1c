package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.FOR_EACH;
import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.TEST_CLASSES;
import static io.atlas4j.junit.EngineKit.discover;
import static io.atlas4j.junit.EngineKit.files;
import static io.atlas4j.junit.EngineKit.find;
import static io.atlas4j.junit.EngineKit.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUri;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** One test per public selector kind, with and without positions. */
class SelectorDiscoveryTest {

    private static final List<String> ALL_FILES = List.of(
            "atlas4j/basic/failing.test.hcl",
            "atlas4j/basic/for-each.test.hcl",
            "atlas4j/basic/log.test.hcl",
            "atlas4j/basic/passing.test.hcl",
            "atlas4j/basic/skip.test.hcl",
            "atlas4j/filter/run.test.hcl",
            "atlas4j/parallel/parallel.test.hcl",
            "atlas4j/project/who.test.hcl");

    @Test
    void classpathRootFindsEveryTestFileBelowItInPathOrder() {
        EngineDiscoveryResults results = discover(selectClasspathRoots(Set.of(TEST_CLASSES)).toArray(DiscoverySelector[]::new));

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(files(results.getEngineDescriptor())).containsExactlyElementsOf(ALL_FILES);
        TestDescriptor file = results.getEngineDescriptor().getChildren().iterator().next();
        assertThat(file.getSource()).contains(ClasspathResourceSource.from("atlas4j/basic/failing.test.hcl"));
    }

    @Test
    void packageFindsTheTestFilesOfThatPackage() {
        EngineDiscoveryResults results = discover(selectPackage("atlas4j.basic"));

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(files(results.getEngineDescriptor()))
                .containsExactlyElementsOf(ALL_FILES.stream().filter(f -> f.startsWith("atlas4j/basic/")).toList());
    }

    @Test
    void classpathResourceSelectsOneFileWithEveryCase() {
        EngineDiscoveryResults results = discover(selectClasspathResource("atlas4j/basic/for-each.test.hcl"));

        assertThat(tree(results.getEngineDescriptor())).containsExactly(
                "atlas4j/basic/for-each.test.hcl",
                "  up",
                "    up/1",
                "    up/2");
        TestDescriptor up = find(results.getEngineDescriptor(), "up");
        assertThat(up.getSource()).contains(
                ClasspathResourceSource.from("atlas4j/basic/for-each.test.hcl",
                        org.junit.platform.engine.support.descriptor.FilePosition.from(1, 1)));
    }

    @Test
    void classpathResourceNamingADirectorySelectsTheTestFilesBelowIt() {
        EngineDiscoveryResults results = discover(selectClasspathResource("atlas4j/basic"));

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(files(results.getEngineDescriptor()))
                .containsExactlyElementsOf(ALL_FILES.stream().filter(f -> f.startsWith("atlas4j/basic/")).toList());
    }

    @Test
    void classpathResourceWithPositionSelectsTheCaseAtThatLine() {
        EngineDiscoveryResults results = discover(
                selectClasspathResource("atlas4j/basic/passing.test.hcl", FilePosition.from(12)));

        assertThat(tree(results.getEngineDescriptor())).containsExactly(
                "atlas4j/basic/passing.test.hcl",
                "  insert_user");
    }

    @Test
    void directoryFindsTestFilesRecursivelyNamedRelativeToIt() {
        EngineDiscoveryResults results = discover(selectDirectory(RESOURCES.toFile()));

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(files(results.getEngineDescriptor()))
                .containsExactlyElementsOf(ALL_FILES.stream().map(f -> f.substring("atlas4j/".length())).toList());
        assertThat(find(results.getEngineDescriptor(), "basic/passing.test.hcl").getSource())
                .contains(FileSource.from(PASSING.toFile()));
    }

    @Test
    void fileSelectsEveryCaseWithPositionsOfTheirTestBlocks() {
        EngineDiscoveryResults results = discover(selectFile(PASSING.toFile()));

        assertThat(tree(results.getEngineDescriptor())).containsExactly(
                "passing.test.hcl",
                "  select_one",
                "  insert_user");
        assertThat(find(results.getEngineDescriptor(), "insert_user").getSource()).contains(
                FileSource.from(PASSING.toFile(), org.junit.platform.engine.support.descriptor.FilePosition.from(10, 1)));
        assertThat(find(results.getEngineDescriptor(), "select_one").getSource()).contains(
                FileSource.from(PASSING.toFile(), org.junit.platform.engine.support.descriptor.FilePosition.from(3, 1)));
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of(3, "select_one"), // the header
                Arguments.of(5, "select_one"), // inside the block
                Arguments.of(9, "select_one"), // between blocks: the nearest header above
                Arguments.of(10, "insert_user"),
                Arguments.of(12, "insert_user"),
                Arguments.of(40, "insert_user")); // past the end
    }

    @ParameterizedTest(name = "line {0} selects {1}")
    @MethodSource("lines")
    void fileWithPositionSelectsTheCaseAtThatLine(int line, String expected) {
        EngineDiscoveryResults results = discover(selectFile(PASSING.toFile(), FilePosition.from(line)));

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(tree(results.getEngineDescriptor())).containsExactly("passing.test.hcl", "  " + expected);
    }

    @Test
    void aLineAboveEveryCaseSelectsTheWholeFileWithAWarning() {
        EngineDiscoveryResults results = discover(selectFile(PASSING.toFile(), FilePosition.from(1)));

        assertThat(tree(results.getEngineDescriptor())).containsExactly(
                "passing.test.hcl",
                "  select_one",
                "  insert_user");
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).isEqualTo("passing.test.hcl:1: no test case at this line; selecting the whole file");
        });
    }

    @Test
    void fileUriWithLineSelectsTheCaseAtThatLine() {
        EngineDiscoveryResults results = discover(selectUri(PASSING.toUri() + "?line=12"));

        assertThat(tree(results.getEngineDescriptor())).containsExactly("passing.test.hcl", "  insert_user");
    }

    @Test
    void classpathUriWithLineSelectsTheCaseAtThatLine() {
        EngineDiscoveryResults results = discover(selectUri("classpath:/atlas4j/basic/passing.test.hcl?line=5"));

        assertThat(tree(results.getEngineDescriptor())).containsExactly("atlas4j/basic/passing.test.hcl", "  select_one");
    }

    @Test
    void uriWithoutLineSelectsTheWholeFile() {
        EngineDiscoveryResults results = discover(selectUri(FOR_EACH.toUri()));

        assertThat(tree(results.getEngineDescriptor())).containsExactly("for-each.test.hcl", "  up", "    up/1", "    up/2");
    }

    @Test
    void directoryUriSelectsItsFiles() {
        EngineDiscoveryResults results = discover(selectUri(RESOURCES.resolve("filter").toUri()));

        assertThat(files(results.getEngineDescriptor())).containsExactly("run.test.hcl");
    }

    @Test
    void aFileReachedByTwoSelectorsAppearsOnce() {
        EngineDiscoveryResults results = discover(selectFile(PASSING.toFile()), selectDirectory(RESOURCES.resolve("basic").toFile()),
                selectUri(PASSING.toUri()));

        assertThat(files(results.getEngineDescriptor()))
                .containsExactly("failing.test.hcl", "for-each.test.hcl", "log.test.hcl", "passing.test.hcl", "skip.test.hcl");
        assertThat(find(results.getEngineDescriptor(), "passing.test.hcl").getChildren()).hasSize(2);
    }

    @Test
    void casesSelectedOutOfOrderAreListedInSourceOrder() {
        EngineDiscoveryResults results = discover(
                selectFile(PASSING.toFile(), FilePosition.from(12)), selectFile(PASSING.toFile(), FilePosition.from(4)));

        assertThat(tree(results.getEngineDescriptor())).containsExactly("passing.test.hcl", "  select_one", "  insert_user");
    }

    @Test
    void otherSelectorsAndOtherFilesAreIgnored() {
        EngineDiscoveryResults results = discover(selectClass(SelectorDiscoveryTest.class),
                selectFile(RESOURCES.resolve("schema.sql").toFile()), selectClasspathResource("atlas4j/schema.sql"));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }
}
