package io.atlas4j.inspect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to inspect. Patterns are shell-style globs ({@code *}, {@code ?}, {@code [...]}): an include
 * pattern names schemas; an exclude pattern names a schema ({@code tmp_*}) or, with one dot, tables
 * and views of matching schemas ({@code public.audit_*}). An empty include list means every schema.
 * Excludes win over includes.
 *
 * @param include schema globs to keep
 * @param exclude schema or {@code schema.object} globs to drop
 */
public record InspectOptions(List<String> include, List<String> exclude) {

    /** Everything. */
    public static final InspectOptions ALL = new InspectOptions(List.of(), List.of());

    public InspectOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** Only the schemas matching {@code globs}. */
    public static InspectOptions schemas(String... globs) {
        return new InspectOptions(List.of(globs), List.of());
    }

    /** These options plus the exclude patterns {@code globs}. */
    public InspectOptions excluding(String... globs) {
        List<String> all = new java.util.ArrayList<>(exclude);
        all.addAll(List.of(globs));
        return new InspectOptions(include, all);
    }

    /** Whether the schema {@code name} is selected. */
    public boolean includesSchema(String name) {
        if (!include.isEmpty() && include.stream().noneMatch(g -> matches(g, name))) {
            return false;
        }
        return exclude.stream().filter(g -> !g.contains(".")).noneMatch(g -> matches(g, name));
    }

    /** Whether the table or view {@code object} of schema {@code schema} is selected. */
    public boolean includesObject(String schema, String object) {
        for (String pattern : exclude) {
            int dot = pattern.indexOf('.');
            if (dot > 0 && matches(pattern.substring(0, dot), schema) && matches(pattern.substring(dot + 1), object)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the shell-style {@code glob} matches all of {@code text}. */
    static boolean matches(String glob, String text) {
        return Pattern.compile(toRegex(glob)).matcher(text).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (inClass) {
                if (ch == ']') {
                    inClass = false;
                    re.append(']');
                } else if (ch == '\\' || ch == '[' || ch == '&' || ch == '~') {
                    re.append('\\').append(ch);
                } else {
                    re.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    inClass = true;
                    re.append('[');
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '!') {
                        re.append('^');
                        i++;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        if (inClass) {
            // An unclosed class is taken literally, as shells do.
            return Pattern.quote(glob);
        }
        return re.toString();
    }
}
