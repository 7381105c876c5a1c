package io.atlas4j.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code atlas:<name> [arguments]} directive found in a comment of a migration file, such as
 * {@code -- atlas:nolint DS102} or {@code -- atlas:sum ignore}.
 *
 * @param prefix the text before {@code atlas:} on its line, e.g. {@code "-- "} or {@code "#"}
 * @param name the directive name, e.g. {@code nolint}
 * @param arguments the text after the name and its separating spaces; empty when there is none
 */
public record Directive(String prefix, String name, String arguments) {

    // Atlas's directive pattern: a printable-ASCII prefix, "atlas:", a word, optional space-separated
    // arguments. UNIX_LINES makes '.' stop only at '\n', as Go's '.' does.
    private static final Pattern PATTERN =
            Pattern.compile("^([ -~]*)atlas:(\\w+)(?: +(.+))*", Pattern.UNIX_LINES);

    public Directive {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** The arguments split at spaces; empty when there are none. */
    public List<String> argumentList() {
        String a = arguments.strip();
        return a.isEmpty() ? List.of() : List.of(a.split(" +"));
    }

    /**
     * The directive at the start of {@code text} (its first line), or empty.
     *
     * <p>A trailing carriage return is not part of the arguments, so CRLF files behave like LF files.
     */
    public static Optional<Directive> atStart(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String args = m.group(3) == null ? "" : m.group(3);
        if (args.endsWith("\r")) {
            args = args.substring(0, args.length() - 1);
        }
        return Optional.of(new Directive(m.group(1), m.group(2), args));
    }

    /**
     * The file directives of a migration file: those in the leading block of comment lines ({@code --}
     * or {@code #}), which counts as a header only when a blank line follows it or nothing but comments
     * make up the file. Without the blank line the comments belong to the first statement.
     */
    public static List<Directive> fileHeader(String text) {
        String[] lines = text.split("\n", -1);
        int end = 0;
        while (end < lines.length && (lines[end].startsWith("--") || lines[end].startsWith("#"))) {
            end++;
        }
        if (end == 0 || (end < lines.length && !stripCr(lines[end]).isEmpty())) {
            return List.of();
        }
        List<Directive> found = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            atStart(lines[i]).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
