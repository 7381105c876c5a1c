package io.atlas4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0s",
        "12, 12ns",
        "624004, 624.004µs",
        "1204000, 1.204ms",
        "1383626, 1.383626ms",
        "2500000000, 2.5s",
        "10000000000, 10s",
        "62500000000, 1m2.5s",
        "3600000000000, 1h0m0s",
    })
    void formatsAsGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "10s, 10000",
        "300ms, 300",
        "1m30s, 90000",
        "1.5s, 1500",
        "0, 0",
    })
    void parsesGoDurations(String text, long millis) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "10x", "1m 2s", ""})
    void refusesOtherText(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(Atlas4jException.class)
                .hasMessage("time: invalid duration \"" + text + "\"");
    }
}
