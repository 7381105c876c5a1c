package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.FOR_EACH;
import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.TEST_CLASSES;
import static io.atlas4j.junit.EngineKit.discover;
import static io.atlas4j.junit.EngineKit.find;
import static io.atlas4j.junit.EngineKit.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** Unique ids name files by URI and cases by name, and select them again (an IDE's "run again"). */
class UniqueIdTest {

    @Test
    void uniqueIdsNameTheFileUriAndTheCase() {
        TestDescriptor engine = discover(selectFile(PASSING.toFile())).getEngineDescriptor();

        assertThat(find(engine, "insert_user").getUniqueId()).isEqualTo(UniqueId.forEngine("atlas4j")
                .append("file", PASSING.toUri().toString())
                .append("schema", "insert_user"));
    }

    @Test
    void forEachRowsAreExamplesOfTheirBlock() {
        TestDescriptor engine = discover(selectFile(FOR_EACH.toFile())).getEngineDescriptor();

        assertThat(find(engine, "up/2").getUniqueId()).isEqualTo(UniqueId.forEngine("atlas4j")
                .append("file", FOR_EACH.toUri().toString())
                .append("schema", "up")
                .append("example", "2"));
    }

    @Test
    void aCaseUniqueIdSelectsThatCaseAlone() {
        UniqueId id = find(discover(selectFile(PASSING.toFile())).getEngineDescriptor(), "insert_user").getUniqueId();

        EngineDiscoveryResults again = discover(selectUniqueId(id));

        assertThat(tree(again.getEngineDescriptor())).containsExactly("passing.test.hcl", "  insert_user");
        assertThat(find(again.getEngineDescriptor(), "insert_user").getUniqueId()).isEqualTo(id);
        assertThat(again.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void aRowUniqueIdSelectsThatRowAlone() {
        UniqueId id = find(discover(selectFile(FOR_EACH.toFile())).getEngineDescriptor(), "up/2").getUniqueId();

        EngineDiscoveryResults again = discover(selectUniqueId(id));

        assertThat(tree(again.getEngineDescriptor())).containsExactly("for-each.test.hcl", "  up", "    up/2");
        assertThat(find(again.getEngineDescriptor(), "up/2").getUniqueId()).isEqualTo(id);
    }

    @Test
    void aBlockUniqueIdSelectsEveryRow() {
        UniqueId id = find(discover(selectFile(FOR_EACH.toFile())).getEngineDescriptor(), "up").getUniqueId();

        assertThat(tree(discover(selectUniqueId(id)).getEngineDescriptor()))
                .containsExactly("for-each.test.hcl", "  up", "    up/1", "    up/2");
    }

    @Test
    void aFileUniqueIdSelectsTheWholeFile() {
        UniqueId id = find(discover(selectFile(PASSING.toFile())).getEngineDescriptor(), "passing.test.hcl").getUniqueId();

        assertThat(tree(discover(selectUniqueId(id)).getEngineDescriptor()))
                .containsExactly("passing.test.hcl", "  select_one", "  insert_user");
    }

    @Test
    void aClasspathFoundCaseRoundTrips() {
        UniqueId id = find(discover(selectClasspathResource("atlas4j/basic/passing.test.hcl")).getEngineDescriptor(),
                "select_one").getUniqueId();

        // A plain file on the class path is read (and named) as the file itself.
        assertThat(id.getSegments().get(1).getValue())
                .isEqualTo(TEST_CLASSES.resolve("atlas4j/basic/passing.test.hcl").toUri().toString());
        assertThat(tree(discover(selectUniqueId(id)).getEngineDescriptor()))
                .containsExactly("passing.test.hcl", "  select_one");
    }

    @Test
    void unknownCasesAndOtherEnginesSelectNothing() {
        UniqueId file = UniqueId.forEngine("atlas4j").append("file", PASSING.toUri().toString());

        EngineDiscoveryResults results = discover(
                selectUniqueId(file.append("schema", "renamed_meanwhile")),
                selectUniqueId(file.append("migrate", "select_one")),
                selectUniqueId(UniqueId.forEngine("junit-jupiter").append("file", PASSING.toUri().toString())));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).extracting(i -> i.message()).containsExactly(
                "passing.test.hcl: no schema test case named \"renamed_meanwhile\"",
                "passing.test.hcl: no migrate test case named \"select_one\"");
    }
}
