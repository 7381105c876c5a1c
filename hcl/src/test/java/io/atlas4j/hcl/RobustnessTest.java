package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.atlas4j.error.DiagnosticException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken input of any shape ends in a DiagnosticException, never in another exception or a hang. */
class RobustnessTest {

    private static final String PIECES = "{}[]()\"'$%<<-EOT\n=:,.?!*/#\\ ~@ab1";

    @Test
    void mutatedFilesFailOnlyWithDiagnostics() throws Exception {
        String original = Files.readString(Path.of(getClass().getResource("/fixtures/upper.test.hcl").toURI()));
        Random random = new Random(20240601L);
        int failures = 0;
        for (int round = 0; round < 1500; round++) {
            StringBuilder text = new StringBuilder(original);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, PIECES.charAt(random.nextInt(PIECES.length())));
                }
            }
            String mutated = text.toString();
            boolean[] failed = {false};
            assertThatCode(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    HclFile f = HclParser.parse(Hcl.URI_T, mutated);
                    evaluateAll(f.body());
                } catch (DiagnosticException expected) {
                    assertThat(expected.diagnostics()).isNotEmpty();
                    failed[0] = true;
                }
            })).as("input:\n%s", mutated).doesNotThrowAnyException();
            if (failed[0]) {
                failures++;
            }
        }
        // The mutations must actually exercise the error paths.
        assertThat(failures).isGreaterThan(500);
    }

    private static void evaluateAll(Body body) {
        EvalContext ctx = EvalContext.create(Path.of("."));
        for (Attribute a : body.attributes()) {
            try {
                Evaluator.evaluate(a.expression(), ctx);
            } catch (DiagnosticException unknownVariablesAreFine) {
                // evaluation errors are diagnostics too; keep going
            }
        }
        body.blocks().forEach(b -> evaluateAll(b.body()));
    }
}
