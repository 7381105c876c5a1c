package io.atlas4j.schemahcl;

import java.util.List;
import java.util.stream.Collectors;

/** HCL spelling helpers for writers: quoting, heredocs, lists and {@code sql()}. */
public final class Hcl {

    private Hcl() {
    }

    /** {@code s} as a quoted HCL string, escaping quotes, backslashes, control characters and templates. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$', '%' -> {
                    sb.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        sb.append(c); // $${ and %%{ keep the text literal
                    }
                }
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A string value: a {@code <<-SQL} heredoc when it spans lines and survives the heredoc's indentation
     * stripping unchanged, otherwise a quoted string.
     */
    public static String string(String s) {
        if (!s.contains("\n") || !s.equals(s.strip()) || s.contains("\r") || s.contains("\t")
                || s.lines().anyMatch(l -> l.equals("SQL") || !l.isEmpty() && l.isBlank())) {
            return quote(s);
        }
        StringBuilder sb = new StringBuilder("<<-SQL\n");
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("  ").append(line.replace("${", "$${").replace("%{", "%%{"));
            }
            sb.append('\n');
        }
        return sb.append("SQL").toString();
    }

    /** {@code sql("text")}. */
    public static String sql(String text) {
        return "sql(" + quote(text) + ")";
    }

    /** {@code [a, b]} from already-spelled items. */
    public static String list(List<String> items) {
        return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** A reference path {@code column.id}, quoting segments that are not identifiers ({@code table["my t"]}). */
    public static String ref(String... path) {
        StringBuilder sb = new StringBuilder(path[0]);
        for (int i = 1; i < path.length; i++) {
            String p = path[i];
            if (p.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                sb.append('.').append(p);
            } else {
                sb.append('[').append(quote(p)).append(']');
            }
        }
        return sb.toString();
    }
}
