package io.atlas4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.testdsl.TestKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TestLoaderKindsTest {

    private static final URI FILE = URI.create("file:/x/a.test.hcl");

    @Test
    void namesTheKindsOfTheTestBlocksInAFile() {
        assertThat(TestLoader.kinds(FILE, "variable \"v\" {\n}\ntest \"schema\" \"a\" {\n}\n")).containsExactly(TestKind.SCHEMA);
        assertThat(TestLoader.kinds(FILE, "test \"migrate\" \"a\" {\n}\ntest \"schema\" \"b\" {\n}\n"))
                .containsExactlyInAnyOrder(TestKind.SCHEMA, TestKind.MIGRATE);
        assertThat(TestLoader.kinds(FILE, "test \"plan\" \"p\" {\n}\n")).isEmpty();
    }

    @Test
    void aFileThatDoesNotParseHoldsEveryKindSoItsErrorsAreReported() {
        assertThat(TestLoader.kinds(FILE, "test \"schema\" {")).containsExactlyInAnyOrder(TestKind.values());
    }
}
