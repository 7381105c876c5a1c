package io.atlas4j.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of migrate-dir.md's acceptance checklist (M3–M7, M11) and hand-computed ones. */
class SumFileTest {

    @Test
    void twoFiles_M3() {
        SumFile sum = SumFile.of(List.of(
                MigrationFile.of("1_init.sql", "CREATE TABLE t (id int);\n"),
                MigrationFile.of("2_add.sql", "ALTER TABLE t ADD COLUMN c int;\n")));

        assertThat(sum.render()).isEqualTo("""
                h1:KpOlzjJZsijvrdj8vNwY/nurCibuFvarOERkrI+nroE=
                1_init.sql h1:CljdN0mRRypLgnOb0bKKlZ2rGT42jXDb5lFPkN5gFHI=
                2_add.sql h1:tjQc3bEdpg9X1UOlI1W2r6/Ez5P8ZRYdSSW4gM827D0=
                """);
    }

    @Test
    void oneFileHashIsTheDigestOfNameAndContent_M4() throws Exception {
        SumFile sum = SumFile.of(List.of(MigrationFile.of("1.sql", "a")));

        String expected = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("1.sqla".getBytes(StandardCharsets.UTF_8)));
        assertThat(sum.entries()).containsExactly(new SumFile.Entry("1.sql", expected));
        assertThat(expected).isEqualTo("4r7KtbGHVGI9qmKy/VtffJHoLC8mjzVSXEAWfOKknwI=");
        assertThat(sum.total()).isEqualTo("EewiKY+oB+dYTrFhvJZ+iZ1jGg1sAx0p17+g/TFayEU=");
    }

    @Test
    void hashesChainOverEarlierFiles() throws Exception {
        SumFile sum = SumFile.of(List.of(MigrationFile.of("1.sql", "a"), MigrationFile.of("2.sql", "b")));

        String chained = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("1.sqla2.sqlb".getBytes(StandardCharsets.UTF_8)));
        String total = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(
                ("1.sql" + sum.entries().get(0).hash() + "2.sql" + chained).getBytes(StandardCharsets.UTF_8)));
        assertThat(sum.hash("2.sql")).contains(chained);
        assertThat(sum.total()).isEqualTo(total);
    }

    @Test
    void emptyDirectory_M5() {
        assertThat(SumFile.of(List.of()).render()).isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void sumIgnoredFileFeedsOnlyItsName_M6() {
        SumFile sum = SumFile.of(List.of(MigrationFile.of("1.sql", "a"),
                MigrationFile.of("2.sql", "-- atlas:sum ignore\nb"), MigrationFile.of("3.sql", "c")));

        assertThat(sum.render()).isEqualTo("""
                h1:qgI6E5mSu7lYfAjV9rAT7UeMkPsMWdrSjaV3ddsWc1Y=
                1.sql h1:4r7KtbGHVGI9qmKy/VtffJHoLC8mjzVSXEAWfOKknwI=
                3.sql h1:4Py2fpeq0CmAWNMOTWM0ClyX5ou12nCPujqtVKoGMmg=
                """);
    }

    @Test
    void ignoreDirectiveOnLineTwoHasNoEffect_M7() {
        SumFile sum = SumFile.of(List.of(MigrationFile.of("1.sql", "a"),
                MigrationFile.of("2.sql", "b\n-- atlas:sum ignore"), MigrationFile.of("3.sql", "c")));

        assertThat(sum.entries()).extracting(SumFile.Entry::name).containsExactly("1.sql", "2.sql", "3.sql");
    }

    @Test
    void rawBytesAreHashedWithoutNewlineNormalisation() {
        SumFile lf = SumFile.of(List.of(MigrationFile.of("1.sql", "a;\n")));
        SumFile crlf = SumFile.of(List.of(MigrationFile.of("1.sql", "a;\r\n")));

        assertThat(lf.total()).isNotEqualTo(crlf.total());
    }

    @Test
    void parseRoundTrips() {
        SumFile sum = SumFile.of(List.of(MigrationFile.of("1.sql", "a"), MigrationFile.of("2_b c.sql", "b")));

        assertThat(SumFile.parse(sum.render())).isEqualTo(sum);
        assertThat(SumFile.parse(sum.render().replace("\n", "\r\n"))).isEqualTo(sum);
    }

    @Test
    void lineWithoutH1IsAFormatError_M11() {
        String text = SumFile.of(List.of(MigrationFile.of("1.sql", "a"))).render().replace(" h1:", " ");

        assertThatThrownBy(() -> SumFile.parse(text, "m/atlas.sum"))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e).hasMessage("checksum file format invalid");
                    assertThat(e.kind()).isEqualTo(ChecksumMismatchException.Kind.FORMAT_INVALID);
                    assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
                    assertThat(e.hint()).startsWith("m/atlas.sum:2 has no h1: hash");
                });
    }

    @Test
    void editedTotalIsAMismatch_M11() {
        String text = SumFile.of(List.of(MigrationFile.of("1.sql", "a"))).render()
                .replace("h1:EewiKY", "h1:XewiKY");

        assertThatThrownBy(() -> SumFile.parse(text))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e).hasMessage("checksum mismatch");
                    assertThat(e.mismatch()).isEmpty();
                });
    }

    @Test
    void editedEntryIsAMismatchEvenBeforeLookingAtTheDirectory() {
        String text = SumFile.of(List.of(MigrationFile.of("1.sql", "a"))).render().replace("4r7K", "5r7K");

        assertThatThrownBy(() -> SumFile.parse(text)).hasMessage("checksum mismatch");
    }
}
