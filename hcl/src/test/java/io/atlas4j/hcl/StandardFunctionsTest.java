package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in function, each call checked through its rendered value ({@link Values#display}). */
class StandardFunctionsTest {

    private static String show(String expr) {
        return Values.display(Hcl.eval(expr));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // strings
        "`lower(\"AbC\")`                       | `\"abc\"`",
        "`upper(\"abc\")`                       | `\"ABC\"`",
        "`title(\"hello big world\")`           | `\"Hello Big World\"`",
        "`trimspace(\"  a b \\n\")`             | `\"a b\"`",
        "`trim(\"?!hello?!\", \"!?\")`          | `\"hello\"`",
        "`trimprefix(\"helloworld\", \"hello\")`| `\"world\"`",
        "`trimsuffix(\"helloworld\", \"world\")`| `\"hello\"`",
        "`chomp(\"line\\n\\n\")`                | `\"line\"`",
        "`strrev(\"abc\")`                      | `\"cba\"`",
        "`substr(\"hello world\", 1, 4)`        | `\"ello\"`",
        "`substr(\"hello\", -3, -1)`            | `\"llo\"`",
        "`startswith(\"hello\", \"he\")`        | true",
        "`endswith(\"hello\", \"he\")`          | false",
        "`indent(2, \"a\\nb\")`                 | `\"a\\n  b\"`",
        "`join(\", \", [\"a\", \"b\", 3])`      | `\"a, b, 3\"`",
        "`join(\"-\", [\"a\"], [\"b\", \"c\"])` | `\"a-b-c\"`",
        "`split(\",\", \"a,b,,c\")`             | `[\"a\", \"b\", \"\", \"c\"]`",
        "`split(\",\", \"\")`                   | `[\"\"]`",
        "`replace(\"1 + 2 + 3\", \"+\", \"-\")` | `\"1 - 2 - 3\"`",
        "`replace(\"hello world\", \"/w(or)ld/\", \"$1\")` | `\"hello or\"`",
        "`regex(\"[a-z]+\", \"53abc21\")`       | `\"abc\"`",
        "`regexall(\"[a-z]+\", \"1a2bb\")`      | `[\"a\", \"bb\"]`",
        "`length(\"héllo\")`                    | 5",
        // format
        "`format(\"Hello, %s!\", \"Ander\")`    | `\"Hello, Ander!\"`",
        "`format(\"%d users\", 12)`             | `\"12 users\"`",
        "`format(\"%v|%v|%v\", \"s\", 1.5, true)` | `\"s|1.5|true\"`",
        "`format(\"%q\", \"a\\\"b\")`           | `\"\\\"a\\\\\\\"b\\\"\"`",
        "`format(\"100%% %s\", \"sure\")`       | `\"100% sure\"`",
        "`format(\"%05d|%-4s|%4s\", 42, \"ab\", \"cd\")` | `\"00042|ab  |  cd\"`",
        "`format(\"%.2f %x %t\", 3.14159, 255, false)` | `\"3.14 ff false\"`",
        "`format(\"%[2]s %[1]s\", \"a\", \"b\")` | `\"b a\"`",
        "`format(\"%v\", [1, \"a\"])`           | `\"[1,\\\"a\\\"]\"`",
        // collections
        "`length([1, 2, 3])`                    | 3",
        "`length({a = 1})`                      | 1",
        "`concat([1], [2, 3], [])`              | `[1, 2, 3]`",
        "`contains([\"a\", \"b\"], \"b\")`      | true",
        "`contains([1, 2], \"1\")`              | false",
        "`keys({b = 1, a = 2})`                 | `[\"a\", \"b\"]`",
        "`values({b = 1, a = 2})`               | `[2, 1]`",
        "`merge({a = 1, b = 2}, {b = 3}, null)` | `{a = 1, b = 3}`",
        "`coalesce(null, \"\", \"x\", \"y\")`   | `\"x\"`",
        "`coalescelist([], [1])`                | `[1]`",
        "`compact([\"a\", \"\", null, \"b\"])`  | `[\"a\", \"b\"]`",
        "`distinct([1, 2, 1, 3])`               | `[1, 2, 3]`",
        "`element([\"a\", \"b\"], 3)`           | `\"b\"`",
        "`index([\"a\", \"b\"], \"b\")`         | 1",
        "`flatten([[1, [2]], 3])`               | `[1, 2, 3]`",
        "`reverse([1, 2, 3])`                   | `[3, 2, 1]`",
        "`sort([\"b\", \"a\", \"c\"])`          | `[\"a\", \"b\", \"c\"]`",
        "`slice([1, 2, 3, 4], 1, 3)`            | `[2, 3]`",
        "`range(3)`                             | `[0, 1, 2]`",
        "`range(1, 10, 4)`                      | `[1, 5, 9]`",
        "`zipmap([\"a\", \"b\"], [1, 2])`       | `{a = 1, b = 2}`",
        "`lookup({a = 1}, \"b\", 0)`            | 0",
        "`alltrue([true, \"true\"])`            | true",
        "`anytrue([false])`                     | false",
        "`setunion([\"b\"], [\"a\", \"b\"])`    | `toset([\"a\", \"b\"])`",
        "`setintersection([1, 2], [2, 3])`      | `toset([2])`",
        "`setsubtract([\"a\", \"b\"], [\"a\"])` | `toset([\"b\"])`",
        // numbers
        "`abs(-1.5)`                            | 1.5",
        "`ceil(1.2)`                            | 2",
        "`floor(-1.2)`                          | -2",
        "`max(1, 5, 3)`                         | 5",
        "`min(1, 5, 3)`                         | 1",
        "`signum(-3)`                           | -1",
        "`pow(2, 10)`                           | 1024",
        "`parseint(\"ff\", 16)`                 | 255",
        // conversions
        "`toset([\"b\", \"a\", \"b\"])`         | `toset([\"a\", \"b\"])`",
        "`toset([3, 1, 2, 1])`                  | `toset([1, 2, 3])`",
        "`toset([\"a\", 1])`                    | `toset([\"1\", \"a\"])`",
        "`tostring(12)`                         | `\"12\"`",
        "`tostring(true)`                       | `\"true\"`",
        "`tostring(null)`                       | null",
        "`tonumber(\"12.50\")`                  | 12.5",
        "`tobool(\"false\")`                    | false",
        "`tolist(toset([\"b\", \"a\"]))`        | `[\"a\", \"b\"]`",
        "`tomap({a = 1})`                       | `{a = 1}`",
        // JSON
        "`jsonencode({b = [1, true, null], a = \"x<y\"})` | `\"{\\\"a\\\":\\\"x\\\\u003cy\\\",\\\"b\\\":[1,true,null]}\"`",
        "`jsondecode(\"{\\\"a\\\": [1, 2.5, \\\"x\\\"], \\\"b\\\": null}\")` | `{a = [1, 2.5, \"x\"], b = null}`",
        "`jsondecode(\"\\\"s\\\"\")`            | `\"s\"`",
        // URLs
        "`urlescape(\"&pass?\")`                | `\"%26pass%3F\"`",
        "`urlescape(\"a b/c\")`                 | `\"a+b%2Fc\"`",
        "`urlqueryset(\"postgres://h/db?sslmode=disable\", \"search_path\", \"public\")` | `\"postgres://h/db?search_path=public&sslmode=disable\"`",
        "`urlqueryset(\"postgres://h/db\", \"k\", \"a b&c\")` | `\"postgres://h/db?k=a+b%26c\"`",
        "`urlqueryset(\"postgres://h/db?b=1&a=2&b=3\", \"a\", \"x\")` | `\"postgres://h/db?a=x&b=1&b=3\"`",
        "`urlsetpath(\"mysql://u@h:3306/\", \"t1\")` | `\"mysql://u@h:3306/t1\"`",
        "`urlsetpath(\"mysql://u:p@h:3306/old?x=1\", \"/new db\")` | `\"mysql://u:p@h:3306/new%20db?x=1\"`",
        "`urluserinfo(\"mysql://h/\", \"u\", \"p\")` | `\"mysql://u:p@h/\"`",
        "`urluserinfo(\"mysql://old@h:3306/db\", \"u\")` | `\"mysql://u@h:3306/db\"`",
        "`urluserinfo(\"postgres://h/db\", \"u\", \"p@ss:w/rd\")` | `\"postgres://u:p%40ss%3Aw%2Frd@h/db\"`",
        // sql and getenv
        "`sql(\"now()\")`                       | `sql(\"now()\")`",
        "`getenv(\"ATLAS4J_HCL_TEST_SURELY_UNSET\")` | `\"\"`",
    })
    void builtIns(String expr, String expected) {
        assertThat(show(expr)).isEqualTo(expected);
    }

    @Test
    void sqlReturnsAnObjectWithTheRawText() {
        Value v = Hcl.eval("sql(\"now()\")");
        assertThat(v).isEqualTo(new Value.Obj(java.util.Map.of("$sql", Value.of("now()"))));
        assertThat(Values.rawSql(v)).contains("now()");
        assertThat(Values.rawSql(Value.of("now()"))).isEmpty();
    }

    @Test
    void getenvReadsTheEnvironment() {
        String path = System.getenv("PATH");
        assertThat(path).isNotNull();
        assertThat(Hcl.eval("getenv(\"PATH\")")).isEqualTo(Value.of(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`format(\"%s %s\", \"a\")` | t.hcl:1:12: call to function \"format\" failed: not enough arguments for the format string: verb %s needs argument 2; arguments given: 1",
        "`format(\"%s\", \"a\", \"b\")` | t.hcl:1:23: call to function \"format\" failed: too many arguments: the format string uses 1 of 2",
        "`format(\"%d\", 1.5)`      | t.hcl:1:18: call to function \"format\" failed: %d needs a whole number, got 1.5; use %f for fractions",
        "`jsondecode(\"{\")`        | t.hcl:1:16: call to function \"jsondecode\" failed: invalid JSON at offset 1: expected a string key",
        "`tonumber(\"abc\")`        | t.hcl:1:14: call to function \"tonumber\" failed: argument 1: expected a number, got string \"abc\"",
        "`coalesce(null, \"\")`     | t.hcl:1:5: call to function \"coalesce\" failed: no non-null, non-empty argument",
        "`join(\",\", \"a\")`       | t.hcl:1:15: call to function \"join\" failed: argument 2: expected a list, got string \"a\"",
    })
    void functionErrors(String expr, String message) {
        assertThatThrownBy(() -> Hcl.eval(expr)).isInstanceOfSatisfying(DiagnosticException.class,
                e -> assertThat(Hcl.messages(e)).isEqualTo(message));
    }

    @Test
    void fileReadsRelativeToTheBaseDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO t VALUES (1);\n");
        EvalContext ctx = EvalContext.create(dir);
        assertThat(Hcl.eval("file(\"seed.sql\")", ctx)).isEqualTo(Value.of("INSERT INTO t VALUES (1);\n"));
        assertThat(Hcl.eval("file(\"" + dir.resolve("seed.sql").toString().replace("\\", "\\\\") + "\")", ctx))
                .isEqualTo(Value.of("INSERT INTO t VALUES (1);\n"));
        assertThatThrownBy(() -> Hcl.eval("file(\"nope.sql\")", ctx)).isInstanceOfSatisfying(
                DiagnosticException.class, e -> assertThat(Hcl.messages(e)).isEqualTo(
                        "t.hcl:1:10: call to function \"file\" failed: no file exists at \"nope.sql\" (looked for "
                                + dir.toAbsolutePath().normalize().resolve("nope.sql") + ")"));
    }

    @Test
    void globAndFilesetReturnSortedAbsolutePaths(@TempDir Path tmp) throws IOException {
        Path dir = tmp.toRealPath();
        Files.createDirectories(dir.resolve("migrations/sub"));
        Files.writeString(dir.resolve("migrations/2_b.sql"), "");
        Files.writeString(dir.resolve("migrations/1_a.sql"), "");
        Files.writeString(dir.resolve("migrations/atlas.sum"), "");
        Files.writeString(dir.resolve("migrations/sub/3_c.sql"), "");
        Files.writeString(dir.resolve("top.sql"), "");
        EvalContext ctx = EvalContext.create(dir);
        String a = dir.resolve("migrations/1_a.sql").toString();
        String b = dir.resolve("migrations/2_b.sql").toString();
        String c = dir.resolve("migrations/sub/3_c.sql").toString();
        String top = dir.resolve("top.sql").toString();
        assertThat(Hcl.eval("glob(\"migrations/*.sql\")", ctx)).isEqualTo(strings(a, b));
        assertThat(Hcl.eval("glob(\"migrations/*\")", ctx))
                .isEqualTo(strings(a, b, dir.resolve("migrations/atlas.sum").toString(),
                        dir.resolve("migrations/sub").toString()));
        assertThat(Hcl.eval("fileset(\"migrations/**/*.sql\")", ctx)).isEqualTo(strings(a, b, c));
        assertThat(Hcl.eval("fileset(\"**/*.sql\")", ctx)).isEqualTo(strings(a, b, c, top));
        assertThat(Hcl.eval("fileset(\"migrations/{1,3}_*.sql\")", ctx)).isEqualTo(strings(a));
        assertThat(Hcl.eval("fileset(\"nothing/**/*.sql\")", ctx)).isEqualTo(strings());
        assertThat(Hcl.eval("glob(\"*.none\")", ctx)).isEqualTo(strings());
    }

    private static Value strings(String... items) {
        return new Value.ListV(java.util.Arrays.stream(items).map(Value::of).toList());
    }

    @Test
    void standardFunctionsCanBeReplaced() {
        EvalContext ctx = EvalContext.create(Path.of(".")).withFunction("upper", (args, at) -> Value.of("custom"));
        assertThat(Hcl.eval("upper(\"a\")", ctx)).isEqualTo(Value.of("custom"));
        assertThat(ctx.function("lower")).isPresent();
        assertThat(List.of("file", "fileset", "glob", "getenv", "sql", "format", "urlqueryset"))
                .allMatch(n -> ctx.function(n).isPresent());
    }
}
