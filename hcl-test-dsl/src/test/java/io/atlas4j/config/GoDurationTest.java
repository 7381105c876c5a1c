package io.atlas4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "2m,120000", "1m30s,90000", "1.5h,5400000", "1500us,1", "10s500ms,10500"})
    void parsesGoDurations(String text, long millis) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofMillis(millis).plusNanos(text.equals("1500us") ? 500_000 : 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "s", "30 s", "PT30S", "-1s", "1d"})
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(Atlas4jException.class)
                .hasMessage("invalid duration \"" + text + "\"");
    }
}
