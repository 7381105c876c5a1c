package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.error.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Syntax errors: exact {@code file:line:col: message} text; several errors in one run. */
class SyntaxDiagnosticsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`}\\n`                                  | t.hcl:1:1: unexpected \"}\"; expected an attribute or block",
        "`x = \"abc\\ny = 1\\n`                  | t.hcl:1:5: unterminated string: add a closing '\"' before the end of the line",
        "`exec {\\n  sql = \\n}\\n`              | t.hcl:2:9: unexpected newline; expected an expression",
        "`x = <<SQL\\nSELECT 1\\n`               | t.hcl:1:5: unterminated heredoc \"SQL\": add a line with SQL to close it",
        "`test \"schema\" \"x\" {\\n  exec {\\n    sql = \"a\"\\n}\\n` | t.hcl:1:19: unclosed block \"test\": add a \"}\" to close it",
        "`a = {input: \"a\" want: \"b\"}\\n`     | t.hcl:1:17: unexpected \"want\"; expected \",\", a newline or \"}\" after the object item",
        "`a = \"${var.x\"\\n`                    | t.hcl:1:13: unexpected quoted string; expected \"}\" to close the interpolation",
        "`a = 1\\na = 2\\n`                      | t.hcl:2:1: duplicate attribute \"a\": it is already set on line 1; remove one of them",
        "`t {\\n z: 1\\n}\\n`                    | t.hcl:2:3: unexpected \":\" after \"z\"; use \"=\" to set an attribute",
        "`a = \"%{if x}\"\\n`                    | t.hcl:1:6: template directives (%{ ... }) are not supported; write %%{ for a literal %{",
        "`/* open\\na = 1\\n`                    | t.hcl:1:1: unterminated comment: add \"*/\" to close it",
        "`a = \"\\q\"\\n`                        | t.hcl:1:6: invalid escape sequence \"\\q\"; write \\\\ for a backslash",
        "`test \"a\" {\\n`                       | t.hcl:1:10: unclosed block \"test\": add a \"}\" to close it",
        "`test \"a${x}\" {}\\n`                  | t.hcl:1:6: block labels cannot contain interpolations",
        "`test \"a\"\\n{}\\n`                    | t.hcl:1:9: the \"{\" of block \"test\" must be on the same line as the block type",
        "`test \"a\" =\n`                     | t.hcl:1:10: unexpected \"=\"; expected \"{\" to open the \"test\" block",
        "`a = f(1 2)\\n`                         | t.hcl:1:9: unexpected number 2; expected \",\" or \")\" in the arguments of \"f\"",
        "`a = \"${}\"\\n`                        | t.hcl:1:6: empty interpolation \"${}\"; put an expression inside or write $${ for a literal ${",
        "`a = [1, 2\n`                         | t.hcl:1:5: unclosed \"[\": add a \"]\" to close it",
        "`a = {\n  b = 1\n`                   | t.hcl:1:5: unclosed \"{\": add a \"}\" to close it",
        "`a = f(\n  1,\n`                     | t.hcl:1:6: unclosed \"(\": add a \")\" to close it",
    })
    void syntaxErrors(String text, String message) {
        String source = text.replace("\\n", "\n").replace("\\\\", "\\");
        assertThatThrownBy(() -> Hcl.parse(source)).isInstanceOfSatisfying(DiagnosticException.class, e -> {
            assertThat(Hcl.messages(e)).isEqualTo(message);
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.getCause()).isNull();
        });
    }

    @Test
    void severalErrorsAreCollectedInSourceOrder() {
        String text = String.join("\n",
                "test \"schema\" \"x\" {",
                "  for_each = [",
                "    {input: \"a\" want: \"A\"},",
                "    {input: \"b\"},",
                "  ]",
                "  exec { sql = }",
                "  exec {",
                "    sql = \"ok\" \"more\"",
                "    output = @",
                "  }",
                "}",
                "}",
                "");
        assertThatThrownBy(() -> Hcl.parse(text)).isInstanceOfSatisfying(DiagnosticException.class,
                e -> assertThat(Hcl.messages(e)).isEqualTo(String.join("\n",
                        "t.hcl:3:17: unexpected \"want\"; expected \",\", a newline or \"}\" after the object item",
                        "t.hcl:6:16: unexpected \"}\"; expected an expression",
                        "t.hcl:8:16: unexpected quoted string; expected a newline",
                        "t.hcl:9:14: unexpected character \"@\"; expected an expression",
                        "t.hcl:12:1: unexpected \"}\"; expected an attribute or block")));
    }

    @Test
    void fileUrisRenderAsPaths() {
        URI uri = Path.of("/tmp/atlas4j-hcl-test/dir/a.test.hcl").toUri();
        assertThatThrownBy(() -> HclParser.parse(uri, "x = \n")).isInstanceOfSatisfying(DiagnosticException.class,
                e -> {
                    assertThat(e.diagnostics().get(0).range().uri()).isEqualTo(uri);
                    assertThat(e.diagnostics().get(0).range().line()).isEqualTo(1);
                    assertThat(e.diagnostics().get(0).range().column()).isEqualTo(5);
                    assertThat(e.getMessage()).endsWith("a.test.hcl:1:5: unexpected newline; expected an expression");
                });
    }
}
