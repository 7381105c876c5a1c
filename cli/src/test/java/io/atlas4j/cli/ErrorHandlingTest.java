package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How failures become error lines and exit codes. */
class ErrorHandlingTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    private List<String> lines() {
        err.flush();
        return text.toString().lines().toList();
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void atlas4jException_exitsWithItsCodesStatus(ErrorCode code) {
        int status = ErrorHandling.report(new Atlas4jException(code, "it broke"), err, false);

        assertThat(status).isEqualTo(code.exitCode());
        assertThat(lines()).containsExactly("Error: it broke");
    }

    @Test
    void hint_isPrintedOnItsOwnLine() {
        int status = ErrorHandling.report(new Atlas4jException(ErrorCode.DEV_DATABASE,
                "dev database postgres://u:pw1@h/db: connection refused", "is the server running?", null), err, false);

        assertThat(status).isEqualTo(4);
        assertThat(lines()).containsExactly(
                "Error: dev database postgres://u:xxxxx@h/db: connection refused",
                "hint: is the server running?");
    }

    @Test
    void diagnostics_oneLinePerDiagnostic_withPositions() {
        Path file = Path.of("/nowhere/a.test.hcl").toAbsolutePath();
        DiagnosticException ex = new DiagnosticException(List.of(
                new Diagnostic(SourceRange.at(file.toUri(), 2, 3), "unknown block \"bogus\""),
                new Diagnostic(SourceRange.at(file.toUri(), 7, 5), "output and match cannot be used together")));

        int status = ErrorHandling.report(ex, err, false);

        assertThat(status).isEqualTo(3);
        assertThat(lines()).containsExactly(
                "Error: " + file + ":2:3: unknown block \"bogus\"",
                "Error: " + file + ":7:5: output and match cannot be used together");
    }

    @Test
    void unexpectedException_isAnInternalError_withoutTraceByDefault() {
        int status = ErrorHandling.report(new IllegalStateException("boom at postgres://a:topsecret@h/x"), err, false);

        assertThat(status).isEqualTo(70);
        assertThat(lines()).containsExactly("Error: internal error: boom at postgres://a:xxxxx@h/x");
    }

    @Test
    void unexpectedExceptionWithoutMessage_namesItsClass() {
        ErrorHandling.report(new NullPointerException(), err, false);

        assertThat(lines()).containsExactly("Error: internal error: java.lang.NullPointerException");
    }

    @Test
    void stacktrace_isAddedOnRequest_andMasked() {
        Exception cause = new IllegalArgumentException("cannot connect to mysql://root:hunter2@db/app");
        int status = ErrorHandling.report(
                new Atlas4jException(ErrorCode.CONNECTION, "cannot connect", cause), err, true);

        assertThat(status).isEqualTo(4);
        List<String> lines = lines();
        assertThat(lines.get(0)).isEqualTo("Error: cannot connect");
        assertThat(lines).anyMatch(l -> l.startsWith("\tat "))
                .anyMatch(l -> l.contains("Caused by: java.lang.IllegalArgumentException"))
                .noneMatch(l -> l.contains("hunter2"));
    }
}
