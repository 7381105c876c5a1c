package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.schema.Realm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture survives read → write → read unchanged, and writing is idempotent. */
class PostgresHclRoundTripTest {

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/hcl"))) {
            return s.filter(p -> p.toString().endsWith(".hcl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readWriteReadIsStable(Path fixture) throws IOException {
        Realm first = Pg.read(Files.readString(fixture));
        String written = Pg.write(first);
        Realm second = Pg.read(written);
        assertThat(second).as(written).isEqualTo(first);
        assertThat(Pg.write(second)).isEqualTo(written);
        assertThat(first.schemas()).isNotEmpty();
    }
}
