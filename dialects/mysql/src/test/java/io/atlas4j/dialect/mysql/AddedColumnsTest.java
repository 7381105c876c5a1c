package io.atlas4j.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading "only columns were added" off two SHOW CREATE TABLE texts. */
class AddedColumnsTest {

    private static final String OPTIONS = ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";
    private static final String PEOPLE = table("  `name` varchar(100) DEFAULT NULL");

    private static String table(String... body) {
        return "CREATE TABLE `people` (\n" + String.join(",\n", body) + "\n" + OPTIONS;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two columns at the end", PEOPLE, table("  `name` varchar(100) DEFAULT NULL",
                        "  `first_name` varchar(50) DEFAULT NULL", "  `last_name` varchar(50) DEFAULT NULL"),
                        "first_name,last_name"),
                Arguments.of("a column first and one in the middle",
                        table("  `id` int(11) NOT NULL", "  `name` varchar(100) DEFAULT NULL", "  PRIMARY KEY (`id`)"),
                        table("  `a` int(11) DEFAULT NULL", "  `id` int(11) NOT NULL", "  `b` int(11) DEFAULT NULL",
                                "  `name` varchar(100) DEFAULT NULL", "  PRIMARY KEY (`id`)"),
                        "a,b"),
                Arguments.of("a name with a backtick", PEOPLE, table("  `name` varchar(100) DEFAULT NULL",
                        "  `we``ird` int(11) DEFAULT NULL"), "we`ird"),
                Arguments.of("an index too", PEOPLE, table("  `name` varchar(100) DEFAULT NULL", "  `x` int(11) DEFAULT NULL",
                        "  KEY `x` (`x`)"), null),
                Arguments.of("a changed column", PEOPLE, table("  `name` varchar(200) DEFAULT NULL",
                        "  `x` int(11) DEFAULT NULL"), null),
                Arguments.of("a dropped column", table("  `a` int(11) DEFAULT NULL", "  `name` varchar(100) DEFAULT NULL"),
                        table("  `name` varchar(100) DEFAULT NULL", "  `x` int(11) DEFAULT NULL"), null),
                Arguments.of("other table options", PEOPLE, table("  `name` varchar(100) DEFAULT NULL",
                        "  `x` int(11) DEFAULT NULL").replace("InnoDB", "MyISAM"), null),
                Arguments.of("nothing added", PEOPLE, PEOPLE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheAddedColumnsOrNothing(String name, String state, String now, String expected) {
        Optional<List<String>> added = AddedColumns.of(state, now);
        if (expected == null) {
            assertThat(added).isEmpty();
        } else {
            assertThat(added).contains(Arrays.asList(expected.split(",")));
        }
    }
}
