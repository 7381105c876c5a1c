package io.atlas4j.dialect.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One acceptance case of engine.md §9 as a txtar-like fixture under {@code engine/} on the test class
 * path: a title line, then sections {@code -- current.sql --}, {@code -- desired.sql --} (or
 * {@code -- desired.hcl --}) and {@code -- plan.sql --} (the expected output, written from the spec), and
 * optionally {@code -- options --} ({@code indent=2}).
 *
 * @param name the fixture's file name without extension ({@code E006-schema-to-schema})
 * @param title the first line
 * @param sections the sections by name
 */
public record EngineCase(String name, String title, Map<String, String> sections) {

    /** A section, or empty text. */
    public String section(String key) {
        return sections.getOrDefault(key, "");
    }

    /** The CREATE TABLE indent the case asks for. */
    public String indent() {
        for (String line : section("options").lines().toList()) {
            if (line.startsWith("indent=")) {
                return " ".repeat(Integer.parseInt(line.substring("indent=".length()).trim()));
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return name;
    }

    /** Every fixture under {@code engine/} on the class path, in name order. */
    public static List<EngineCase> all() {
        URL root = EngineCase.class.getClassLoader().getResource("engine");
        if (root == null) {
            throw new IllegalStateException("no engine/ fixtures on the class path");
        }
        try {
            if (root.getProtocol().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(root.toURI(), Map.of())) {
                    return read(fs.getPath("/engine"));
                }
            }
            return read(Path.of(root.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EngineCase> read(Path dir) throws IOException {
        List<EngineCase> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    String name = p.getFileName().toString().replace(".txtar", "");
                    out.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    static EngineCase parse(String name, String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String title = "";
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6 && !line.contains("\"")) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = line.substring(3, line.length() - 3).trim();
                body.setLength(0);
            } else if (current == null) {
                if (title.isEmpty() && !line.isBlank()) {
                    title = line.replaceFirst("^#\\s*", "");
                }
            } else {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString());
        }
        return new EngineCase(name, title, sections);
    }
}
