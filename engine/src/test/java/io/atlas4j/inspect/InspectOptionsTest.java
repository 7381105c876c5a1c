package io.atlas4j.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectOptionsTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*, public, true",
            "pub*, public, true",
            "pub*, xpublic, false",
            "p?blic, public, true",
            "p?blic, pblic, false",
            "[ab]x, ax, true",
            "[ab]x, cx, false",
            "[!ab]x, cx, true",
            "a.b, a.b, true",
            "a.b, axb, false",
            "a+, a+, true",
            "a+, aa, false",
            "[ab, [ab, true",
    })
    void globs(String glob, String text, boolean matches) {
        assertThat(InspectOptions.matches(glob, text)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "include={0} exclude={1} schema={2}")
    @CsvSource(delimiter = '|', value = {
            "''     | ''          | public | true",
            "public | ''          | public | true",
            "public | ''          | other  | false",
            "'*'    | other       | other  | false",
            "'*'    | other       | public | true",
            "''     | tmp_*       | tmp_1  | false",
            "''     | public.t*   | public | true",
    })
    void schemaSelection(String include, String exclude, String schema, boolean selected) {
        InspectOptions o = new InspectOptions(split(include), split(exclude));
        assertThat(o.includesSchema(schema)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "exclude={0} {1}.{2}")
    @CsvSource(delimiter = '|', value = {
            "public.t*   | public | t1    | false",
            "public.t*   | public | users | true",
            "public.t*   | other  | t1    | true",
            "*.audit     | s1     | audit | false",
            "tmp         | public | tmp   | true",
    })
    void objectSelection(String exclude, String schema, String object, boolean selected) {
        assertThat(InspectOptions.ALL.excluding(exclude).includesObject(schema, object)).isEqualTo(selected);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}
