package io.atlas4j.testdsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Value;
import io.atlas4j.source.Diagnostic;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TestFileReaderTest {

    private static final URI FILE = Path.of("/work/tests/a.test.hcl").toUri();
    private static final CaseScope SCOPE = new CaseScope("postgres://u:p@h:5432/db", "t", "/work/tests/a.test.hcl");

    private static TestFile read(String text) {
        return read(text, Map.of());
    }

    private static TestFile read(String text, Map<String, Value> vars) {
        return TestFileReader.read(FILE, text, Path.of("/work/tests"), vars);
    }

    private static List<String> errors(String text) {
        try {
            read(text);
        } catch (DiagnosticException e) {
            return e.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.toList());
        }
        throw new AssertionError("expected a load error");
    }

    @Test
    void readsStepsInOrderWithPositions() {
        TestFile file = read("test \"schema\" \"postal\" {\n"
                + "  exec {\n"
                + "    sql    = \"select '12345'::us_postal_code\"\n"
                + "    output = \"12345\"\n"
                + "  }\n"
                + "  catch {\n"
                + "    sql = \"select 'hello'::us_postal_code\"\n"
                + "  }\n"
                + "  log {\n"
                + "    message = \"done\"\n"
                + "  }\n"
                + "}\n");
        TestCase c = file.cases().get(0);
        assertThat(c.name()).isEqualTo("postal");
        assertThat(c.kind()).isEqualTo(TestKind.SCHEMA);
        assertThat(c.range().line()).isEqualTo(1);
        List<Step> steps = c.steps(SCOPE);
        assertThat(steps).extracting(Step::keyword).containsExactly("exec", "catch", "log");
        assertThat(steps).extracting(s -> s.range().line()).containsExactly(2, 6, 9);
        Step.Exec exec = (Step.Exec) steps.get(0);
        assertThat(exec.sql()).isEqualTo("select '12345'::us_postal_code");
        assertThat(exec.expectation()).isEqualTo(new Step.OutputExpectation("12345"));
        assertThat(exec.sqlRange().line()).isEqualTo(3);
        assertThat(exec.format()).isEqualTo(Step.Format.CSV);
    }

    @Test
    void tableFormatIsABareKeyword() {
        Step.Exec exec = (Step.Exec) read("test \"schema\" \"t\" {\n  exec {\n    sql = \"SELECT 1\"\n    format = table\n"
                + "    output = \"x\"\n  }\n}\n").cases().get(0).steps(SCOPE).get(0);
        assertThat(exec.format()).isEqualTo(Step.Format.TABLE);
    }

    @Test
    void heredocSqlStartsOnTheNextLine() {
        Step.Exec exec = (Step.Exec) read("test \"schema\" \"t\" {\n  exec {\n    sql = <<-SQL\n      SELECT 1;\n      SELECT 2;\n"
                + "    SQL\n  }\n}\n").cases().get(0).steps(SCOPE).get(0);
        assertThat(exec.sql()).isEqualTo("SELECT 1;\nSELECT 2;\n");
        assertThat(exec.sqlRange().line()).isEqualTo(4);
    }

    @Test
    void t52_forEachOverAListNamesCasesFromOne() {
        TestFile file = read("test \"schema\" \"up\" {\n"
                + "  for_each = [\n    {i: \"a\", o: \"A\"},\n    {i: \"b\", o: \"B\"},\n  ]\n"
                + "  log {\n    message = \"${each.value.i} -> ${each.value.o}\"\n  }\n}\n");
        assertThat(file.cases()).extracting(TestCase::name).containsExactly("up/1", "up/2");
        assertThat(file.cases()).extracting(TestCase::blockName).containsOnly("up");
        assertThat(file.cases()).extracting(TestCase::example).containsExactly("1", "2");
        assertThat(((Step.Log) file.cases().get(1).steps(SCOPE).get(0)).message()).isEqualTo("b -> B");
    }

    @Test
    void t54_forEachOverAMapUsesLexicalKeyOrder() {
        TestFile file = read("test \"schema\" \"m\" {\n  for_each = {\n    low  = \"a\"\n    high = \"z\"\n  }\n"
                + "  log {\n    message = \"${each.key}=${each.value}\"\n  }\n}\n");
        assertThat(file.cases()).extracting(TestCase::name).containsExactly("m/high", "m/low");
        assertThat(((Step.Log) file.cases().get(0).steps(SCOPE).get(0)).message()).isEqualTo("high=z");
    }

    @Test
    void t55_eachKeyOfAListIsZeroBased() {
        TestFile file = read("test \"schema\" \"n\" {\n  for_each = [\"x\", \"y\"]\n  log {\n    message = \"${each.key}\"\n  }\n}\n");
        assertThat(file.cases()).extracting(c -> ((Step.Log) c.steps(SCOPE).get(0)).message()).containsExactly("0", "1");
        assertThat(file.cases()).extracting(TestCase::name).containsExactly("n/1", "n/2");
    }

    @Test
    void emptyForEachProducesNoCases() {
        assertThat(read("test \"schema\" \"e\" {\n  for_each = []\n}\n").cases()).isEmpty();
    }

    @Test
    void t50_skipIsComputedFromVariables() {
        String text = "variable \"slow\" {\n  type    = bool\n  default = true\n}\n"
                + "test \"schema\" \"t\" {\n  skip = var.slow\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n";
        assertThat(read(text).cases().get(0).skip()).isTrue();
        assertThat(read(text, Map.of("slow", Value.of("false"))).cases().get(0).skip()).isFalse();
    }

    @Test
    void selfAndTestingExposeTheCaseDatabase() {
        Step.External ext = (Step.External) read("test \"schema\" \"t\" {\n  external {\n"
                + "    program = [\"psql\", self.dev_url, testing.dev_url, self.name]\n  }\n}\n").cases().get(0).steps(SCOPE).get(0);
        assertThat(ext.program()).containsExactly("psql", SCOPE.devUrl(), SCOPE.devUrl(), "t");
    }

    @Test
    void stepsReadingSelfAreEvaluatedForEachScopeOthersOnce() {
        TestFile file = read("test \"schema\" \"a\" {\n  log {\n    message = \"db ${self.dev_url}\"\n  }\n}\n"
                + "test \"schema\" \"b\" {\n  log {\n    message = \"plain\"\n  }\n}\n");
        CaseScope other = new CaseScope("postgres://other/db", "a", "/work/tests/a.test.hcl");
        assertThat(((Step.Log) file.cases().get(0).steps(SCOPE).get(0)).message()).isEqualTo("db " + SCOPE.devUrl());
        assertThat(((Step.Log) file.cases().get(0).steps(other).get(0)).message()).isEqualTo("db postgres://other/db");
        assertThat(file.cases().get(1).steps(other)).isSameAs(file.cases().get(1).steps(SCOPE));
    }

    @Test
    void t29_literalDollarBrace() {
        Step.Exec exec = (Step.Exec) read("test \"schema\" \"t\" {\n  exec {\n    sql = \"SELECT '$${x}'\"\n"
                + "    output = \"$${x}\"\n  }\n}\n").cases().get(0).steps(SCOPE).get(0);
        assertThat(exec.sql()).isEqualTo("SELECT '${x}'");
        assertThat(exec.expectation()).isEqualTo(new Step.OutputExpectation("${x}"));
    }

    @Test
    void localsAndVariablesAreBound() {
        TestFile file = read("variable \"who\" {\n  type = string\n}\nlocals {\n  greeting = \"hi ${var.who}\"\n}\n"
                + "test \"schema\" \"v\" {\n  log {\n    message = local.greeting\n  }\n}\n", Map.of("who", Value.of("ada")));
        assertThat(((Step.Log) file.cases().get(0).steps(SCOPE).get(0)).message()).isEqualTo("hi ada");
    }

    @Test
    void migrateCasesKeepTheirKindAndSteps() {
        TestFile file = read("test \"migrate\" \"m\" {\n  migrate {\n    to = \"1\"\n  }\n}\n");
        assertThat(file.cases().get(0).kind()).isEqualTo(TestKind.MIGRATE);
        assertThat(file.cases().get(0).steps(SCOPE)).containsExactly(
                new Step.Migrate(file.cases().get(0).steps(SCOPE).get(0).range(), "1"));
    }

    @Test
    void planAndScriptKindsLoadAndAreIgnored() {
        assertThat(read("test \"plan\" \"p\" {\n}\ntest \"schema\" \"s\" {\n}\n").cases())
                .extracting(TestCase::name).containsExactly("s");
    }

    static Stream<Arguments> loadErrors() {
        return Stream.of(
                Arguments.of("T22 output and match", "test \"schema\" \"t\" {\n  exec {\n    sql    = \"SELECT 1\"\n"
                        + "    output = \"1\"\n    match  = \"1\"\n  }\n}\n",
                        "a.test.hcl:5:5: exec block sets both output and match; they are mutually exclusive: keep one"),
                Arguments.of("T23 format enum", "test \"schema\" \"t\" {\n  exec {\n    sql = \"SELECT 1\"\n    format = json\n  }\n}\n",
                        "a.test.hcl:4:14: format must be csv or table, got \"json\""),
                Arguments.of("T24 unknown attribute", "test \"schema\" \"t\" {\n  exec {\n    sql = \"SELECT 1\"\n    expect = \"1\"\n  }\n}\n",
                        "a.test.hcl:4:5: unsupported attribute \"expect\" in exec block; expected one of: format, match, output, sql"),
                Arguments.of("T24 unknown block", "test \"schema\" \"t\" {\n  bogus {\n  }\n}\n",
                        "a.test.hcl:2:3: unsupported block \"bogus\" in test \"schema\" block; expected one of: assert, catch, cleanup, exec, external, log"),
                Arguments.of("T25 invalid regexp", "test \"schema\" \"t\" {\n  exec {\n    sql = \"SELECT 1\"\n    match = \"(\"\n  }\n}\n",
                        "a.test.hcl:4:13: invalid match regexp \"(\": Unclosed group"),
                Arguments.of("T59 missing variable", "variable \"who\" {\n  type = string\n}\ntest \"schema\" \"v\" {\n}\n",
                        "a.test.hcl:1:1: missing value for variable \"who\": pass --var who=VALUE, set it in the test block of atlas.hcl (vars), or give it a default"),
                Arguments.of("T63 parallel in migrate", "test \"migrate\" \"m\" {\n  parallel = true\n}\n",
                        "a.test.hcl:2:3: unsupported attribute \"parallel\" in test \"migrate\" block; expected one of: for_each, skip"),
                Arguments.of("T68 migrate in schema", "test \"schema\" \"s\" {\n  migrate {\n    to = \"1\"\n  }\n}\n",
                        "a.test.hcl:2:3: unsupported block \"migrate\" in test \"schema\" block; expected one of: assert, catch, cleanup, exec, external, log"),
                Arguments.of("missing sql", "test \"schema\" \"t\" {\n  exec {\n    output = \"1\"\n  }\n}\n",
                        "a.test.hcl:2:3: missing required attribute \"sql\" in exec block"),
                Arguments.of("unknown top-level block", "tests \"schema\" \"t\" {\n}\n",
                        "a.test.hcl:1:1: unsupported block \"tests\" in a test file; expected one of: locals, test, variable"),
                Arguments.of("unknown kind", "test \"unit\" \"t\" {\n}\n",
                        "a.test.hcl:1:6: unknown test kind \"unit\"; expected \"schema\" or \"migrate\""),
                Arguments.of("undefined variable", "test \"schema\" \"t\" {\n  log {\n    message = var.nope\n  }\n}\n",
                        "a.test.hcl:3:15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadErrors")
    void loadErrorsHavePositionsAndSayWhatIsWrong(String name, String text, String expected) {
        assertThat(errors(text)).anySatisfy(e -> assertThat(e).contains(expected));
    }

    @Test
    void reportsEveryErrorOfAFile() {
        List<String> errors = errors("test \"schema\" \"a\" {\n  exec {\n    expect = 1\n  }\n}\n"
                + "test \"schema\" \"b\" {\n  log {\n  }\n}\n");
        assertThat(errors).hasSize(3);
    }

    @Test
    void syntaxErrorsAreDiagnostics() {
        assertThatThrownBy(() -> read("test \"schema\" \"t\" {\n  exec {\n"))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("a.test.hcl:");
    }
}
