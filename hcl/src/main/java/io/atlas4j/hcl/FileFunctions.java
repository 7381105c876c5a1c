package io.atlas4j.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code file}, {@code glob} and {@code fileset}, relative to the directory of the file being evaluated. */
final class FileFunctions {

    private FileFunctions() {
    }

    static Value file(Path baseDir, List<Value> args) {
        Args.count(args, 1);
        String given = Args.str(args, 0);
        Path p = baseDir.resolve(given).normalize();
        if (!Files.exists(p)) {
            throw new HclFunctionException(0, "no file exists at \"" + given + "\" (looked for " + p + ")");
        }
        if (Files.isDirectory(p)) {
            throw new HclFunctionException(0, "\"" + given + "\" is a directory, not a file");
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            return Value.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new HclFunctionException(0, "contents of \"" + given + "\" are not valid UTF-8");
        } catch (IOException e) {
            throw new HclFunctionException(0, "cannot read \"" + given + "\": " + e.getMessage());
        }
    }

    /** Go's {@code filepath.Glob}: {@code *} stays within one directory; files and directories match. */
    static Value glob(Path baseDir, List<Value> args) {
        Args.count(args, 1);
        return match(baseDir, Args.str(args, 0), false);
    }

    /** Like glob, plus {@code **} across directories and {@code {a,b}}; regular files only. */
    static Value fileset(Path baseDir, List<Value> args) {
        Args.count(args, 1);
        return match(baseDir, Args.str(args, 0), true);
    }

    private static Value match(Path baseDir, String pattern, boolean doublestar) {
        String abs = baseDir.resolve(pattern).toString().replace('\\', '/');
        String[] segments = abs.split("/", -1);
        // The longest prefix of segments without wildcards is where the walk starts.
        StringBuilder root = new StringBuilder();
        int first = 0;
        for (; first < segments.length - 1; first++) {
            if (hasMeta(segments[first])) {
                break;
            }
            root.append(segments[first]).append('/');
        }
        Path start = Path.of(root.length() == 0 ? "/" : root.toString());
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, first, segments.length));
        if (!Files.isDirectory(start)) {
            return new Value.ListV(List.of());
        }
        Pattern regex = Pattern.compile(toRegex(rest, doublestar));
        boolean deep = doublestar && rest.contains("**");
        int depth = deep ? Integer.MAX_VALUE : rest.split("/", -1).length;
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start, depth)) {
            walk.filter(p -> !p.equals(start))
                    .filter(p -> !doublestar || Files.isRegularFile(p))
                    .forEach(p -> {
                        String rel = start.relativize(p).toString().replace('\\', '/');
                        if (regex.matcher(rel).matches()) {
                            found.add(p.toAbsolutePath().normalize().toString());
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new HclFunctionException(0, "cannot list files for \"" + pattern + "\": " + e.getMessage());
        }
        found.sort(null);
        List<Value> out = new ArrayList<>(found.size());
        found.forEach(f -> out.add(Value.of(f)));
        return new Value.ListV(out);
    }

    private static boolean hasMeta(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    static String toRegex(String glob, boolean doublestar) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (doublestar && glob.startsWith("**", i)) {
                    boolean slash = glob.startsWith("**/", i);
                    re.append(slash ? "(?:[^/]*/)*" : ".*");
                    i += slash ? 3 : 2;
                    continue;
                }
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    boolean negate = body.startsWith("!") || body.startsWith("^");
                    if (negate) {
                        body = body.substring(1);
                    }
                    re.append('[').append(negate ? "^/" : "").append(body.replace("\\", "\\\\").replace("[", "\\["))
                            .append(']');
                    i = close;
                }
            } else if (c == '{' && doublestar) {
                int close = glob.indexOf('}', i);
                if (close < 0) {
                    re.append("\\{");
                } else {
                    String[] alts = glob.substring(i + 1, close).split(",", -1);
                    re.append("(?:");
                    for (int k = 0; k < alts.length; k++) {
                        if (k > 0) {
                            re.append('|');
                        }
                        re.append(toRegex(alts[k], true));
                    }
                    re.append(')');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
