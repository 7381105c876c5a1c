package io.atlas4j.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.SourceRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HclTypeTest {

    private static final SourceRange AT = SourceRange.at(Hcl.URI_T, 7, 3);

    private static HclType type(String expr) {
        return HclType.parse(Hcl.expr(expr));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "string                               | string",
        "number                               | number",
        "bool                                 | bool",
        "any                                  | any",
        "list(string)                         | list(string)",
        "set(number)                          | set(number)",
        "map(list(bool))                      | map(list(bool))",
        "`object({name = string, n = number})`| `object({n=number, name=string})`",
        "`object({a = optional(string)})`     | `object({a=optional(string)})`",
        "`tuple([string, number])`            | `tuple([string, number])`",
        "`\"string\"`                         | string",
    })
    void parsesAndPrints(String expr, String printed) {
        assertThat(type(expr).toString()).isEqualTo(printed);
        assertThat(type(expr)).isEqualTo(type(expr));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bool          | `\"false\"`                | false",
        "bool          | true                       | true",
        "number        | `\"12\"`                   | 12",
        "number        | `\"-1.5\"`                 | -1.5",
        "string        | 12                         | `\"12\"`",
        "string        | true                       | `\"true\"`",
        "string        | null                       | null",
        "any           | `[1, \"a\"]`               | `[1, \"a\"]`",
        "list(number)  | `[\"1\", 2]`               | `[1, 2]`",
        "list(string)  | `toset([\"b\", \"a\"])`    | `[\"a\", \"b\"]`",
        "set(string)   | `[\"b\", \"a\", \"b\"]`    | `toset([\"a\", \"b\"])`",
        "map(bool)     | `{a = \"true\"}`           | `{a = true}`",
        "`object({a = string, b = optional(number)})` | `{a = 1, c = 2}` | `{a = \"1\", b = null}`",
        "`tuple([string, bool])` | `[1, \"false\"]` | `[\"1\", false]`",
    })
    void convertsWithHclRules(String typeExpr, String valueExpr, String expected) {
        Value converted = type(typeExpr).convert(Hcl.eval(valueExpr), AT);
        assertThat(Values.display(converted)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "number        | `\"abc\"`        | t.hcl:7:3: cannot convert string \"abc\" to number",
        "bool          | `\"yes\"`        | t.hcl:7:3: cannot convert string \"yes\" to bool",
        "string        | `[1]`            | t.hcl:7:3: cannot convert list to string",
        "list(number)  | `[1, \"x\"]`     | t.hcl:7:3: cannot convert list to list(number): element 1: cannot convert string \"x\" to number",
        "`object({a = string})` | `{b = 1}` | t.hcl:7:3: cannot convert object to object({a=string}): attribute \"a\" is required",
        "`tuple([string])` | `[1, 2]`     | t.hcl:7:3: cannot convert list to tuple([string]): expected 1 elements, got 2",
        "map(string)   | `\"s\"`          | t.hcl:7:3: cannot convert string \"s\" to map(string)",
    })
    void conversionErrorsNameTheExpectedType(String typeExpr, String valueExpr, String message) {
        assertThatThrownBy(() -> type(typeExpr).convert(Hcl.eval(valueExpr), AT))
                .isInstanceOfSatisfying(DiagnosticException.class, e -> assertThat(Hcl.messages(e)).isEqualTo(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "strin          | t.hcl:1:5: unknown type \"strin\"; expected string, number, bool, any, list(T), set(T), map(T), object({...}) or tuple([...])",
        "list           | t.hcl:1:5: type \"list\" needs an element type, e.g. list(string)",
        "list(strng)    | t.hcl:1:10: unknown type \"strng\"; expected string, number, bool, any, list(T), set(T), map(T), object({...}) or tuple([...])",
        "foo(string)    | t.hcl:1:5: unknown type constructor \"foo\"; expected string, number, bool, any, list(T), set(T), map(T), object({...}) or tuple([...])",
        "object(string) | t.hcl:1:5: object type needs attribute types: object({name = type, ...})",
        "1              | t.hcl:1:5: invalid type expression; expected string, number, bool, any, list(T), set(T), map(T), object({...}) or tuple([...])",
    })
    void unknownTypesAreDiagnostics(String typeExpr, String message) {
        assertThatThrownBy(() -> type(typeExpr)).isInstanceOfSatisfying(DiagnosticException.class,
                e -> assertThat(Hcl.messages(e)).isEqualTo(message));
    }
}
