package io.atlas4j.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry skips a dialect that cannot load, and says why when a URL finds no dialect. */
class DialectsTest {

    /** A dialect that loads. */
    public static final class Working implements Dialect {
        @Override
        public String name() {
            return "working";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of("working");
        }

        @Override
        public Connection connect(DatabaseUrl url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SqlStatement> split(SqlScript script) {
            return List.of();
        }
    }

    /** A dialect whose construction fails, as one whose driver is missing would. */
    public static final class Broken extends WorkingBase {
        public Broken() {
            throw new IllegalStateException("driver class not found");
        }
    }

    /** Lets {@link Broken} declare a throwing constructor while still being a dialect. */
    public abstract static class WorkingBase implements Dialect {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of("broken");
        }

        @Override
        public Connection connect(DatabaseUrl url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SqlStatement> split(SqlScript script) {
            return List.of();
        }
    }

    @Test
    void aBrokenDialectDoesNotTakeTheOthersDown() {
        assertThat(Dialects.all()).extracting(Dialect::name).contains("working").doesNotContain("broken");
        assertThat(Dialects.forUrl(DatabaseUrl.parse("working://x")).name()).isEqualTo("working");
    }

    @Test
    void aUrlOfTheBrokenDialectSaysWhyItDidNotLoad() {
        assertThatThrownBy(() -> Dialects.forUrl(DatabaseUrl.parse("broken://x")))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("dialects found: working")
                .hasMessageContaining("not loaded: ")
                .hasMessageContaining("DialectsTest$Broken");
    }
}
