package io.atlas4j.cli.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --var} values the way Atlas does: each flag value is a comma-separated list of
 * {@code key=value} pairs with CSV quoting ({@code --var '"msg=a,b",n=1'}); a name given several times
 * collects its values in order, which the runtime turns into a list.
 */
public final class VarFlags {

    private VarFlags() {
    }

    /**
     * @param flagValues the raw values of every {@code --var} flag, in command-line order
     * @return values by name, in order of first appearance
     * @throws IllegalArgumentException with the user-facing message when a value is malformed
     */
    public static Map<String, List<String>> parse(List<String> flagValues) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        for (String flagValue : flagValues) {
            for (String pair : csvFields(flagValue)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(
                            "variables must be format as key=value, got: " + quote(pair));
                }
                vars.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
            }
        }
        return vars;
    }

    /**
     * The fields of one CSV record: a field starting with a quote runs to the matching quote ({@code ""}
     * is a literal quote); any other field runs to the next comma. An empty value has no fields.
     */
    static List<String> csvFields(String record) {
        List<String> fields = new ArrayList<>();
        if (record.isEmpty()) {
            return fields;
        }
        int i = 0;
        int n = record.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && record.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(
                                "invalid argument " + quote(record) + " for \"--var\" flag: unterminated quoted field");
                    }
                    char c = record.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && record.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && record.charAt(i) != ',') {
                    throw new IllegalArgumentException(
                            "invalid argument " + quote(record) + " for \"--var\" flag: extraneous \" in field");
                }
            } else {
                while (i < n && record.charAt(i) != ',') {
                    char c = record.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException(
                                "invalid argument " + quote(record) + " for \"--var\" flag: bare \" in non-quoted field");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Go's {@code %q} for the printable text users type: double quotes, with {@code "} and {@code \} escaped. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
