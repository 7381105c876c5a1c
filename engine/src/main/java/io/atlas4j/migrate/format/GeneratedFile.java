package io.atlas4j.migrate.format;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A migration file written by {@link MigrationWriter}, not yet on disk.
 *
 * @param name the file name, e.g. {@code 20240613061102_add_users.up.sql}
 * @param content the file's text
 */
public record GeneratedFile(String name, String content) {

    public GeneratedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** The content as UTF-8 bytes, as it is written. */
    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
