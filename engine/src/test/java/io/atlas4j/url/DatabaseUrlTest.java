package io.atlas4j.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parsesAtlasUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40r:p%3Ass@db.local:6543/app?sslmode=disable&search_path=public");
        assertThat(url.scheme()).isEqualTo("postgres");
        assertThat(url.user()).isEqualTo("us@r");
        assertThat(url.password()).isEqualTo("p:ss");
        assertThat(url.host()).isEqualTo("db.local");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.path()).isEqualTo("app");
        assertThat(url.query()).containsExactly(Map.entry("sslmode", "disable"), Map.entry("search_path", "public"));
        assertThat(url.masked()).doesNotContain("p%3Ass").contains("xxxxx");
        assertThat(url.toString()).isEqualTo(url.masked());
    }

    @Test
    void sqliteNamesAndFiles() {
        assertThat(DatabaseUrl.parse("sqlite://dev?mode=memory").host()).isEqualTo("dev");
        assertThat(DatabaseUrl.parse("sqlite://dev?mode=memory").param("mode")).contains("memory");
        assertThat(DatabaseUrl.parse("sqlite://dir/file.db").path()).isEqualTo("file.db");
    }

    @Test
    void rebuildEncodesAndRoundTrips() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root:p@ss@localhost:3306/dev");
        // The host starts after the last '@', as Go's net/url reads it.
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.host()).isEqualTo("localhost");
        DatabaseUrl rebuilt = DatabaseUrl.rebuild("mysql", "root", "p@ss w", "localhost", 3306, "dev", Map.of("tls", "false"));
        assertThat(DatabaseUrl.parse(rebuilt.raw()).password()).isEqualTo("p@ss w");
        assertThat(rebuilt.withQuery(Map.of("tls", "true")).param("tls")).contains("true");
    }

    @Test
    void badUrlsSayWhatIsWrongWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("localhost:5432/db")).isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("missing scheme");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:se&cret@h:x/db")).isInstanceOf(Atlas4jException.class)
                .hasMessageContaining("invalid port \":x\"").hasMessageNotContaining("se&cret");
    }
}
