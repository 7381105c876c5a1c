package io.atlas4j.migrate;

import io.atlas4j.migrate.format.DirFormat;
import io.atlas4j.migrate.format.UpSql;
import io.atlas4j.migrate.txtar.CheckFile;
import io.atlas4j.migrate.txtar.TxtarArchive;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration file of an Atlas migration directory: its name, raw bytes and where it was read from.
 *
 * <p>Atlas's naming rules: the <em>version</em> is the name (without {@code .sql}) up to the first
 * {@code _}, the <em>description</em> what follows it ({@code 20240613061102_add_users.sql} →
 * {@code 20240613061102}, {@code add_users}; {@code 1.sql} → {@code 1}, empty). Files and versions are
 * ordered byte-wise as UTF-8 strings, never numerically: {@code 10_b.sql} comes before {@code 9_a.sql}.
 *
 * <p>A file of another directory format ({@link DirFormat}) keeps its raw bytes in {@link #content()}
 * (what {@code atlas.sum} hashes); {@link #upText()} and {@link #upSql()} give the up migration to execute,
 * and {@link #version()} / {@link #description()} follow the format's naming. An Atlas file whose header
 * has {@code -- atlas:txtar} is an archive ({@link #txtar()}): its up migration is the {@code migration.sql}
 * member and {@link #checks()} are its pre-migration checks.
 *
 * @param name the file name, e.g. {@code 1_init.sql}
 * @param content the raw bytes, hashed as they are (no newline normalisation)
 * @param path the file on disk, or null for a file built in memory
 * @param format the directory format the file belongs to
 */
public record MigrationFile(String name, byte[] content, Path path, DirFormat format) {

    /** Orders names and versions byte-wise over their UTF-8 encoding, as Go compares strings. */
    public static final Comparator<String> STRING_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** Orders files by name, the order of the directory and of {@code atlas.sum}. */
    public static final Comparator<MigrationFile> ORDER = Comparator.comparing(MigrationFile::name, STRING_ORDER);

    private static final String SUFFIX = ".sql";

    public MigrationFile {
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
        Objects.requireNonNull(format, "format");
    }

    /** A file of an Atlas-format directory. */
    public MigrationFile(String name, byte[] content, Path path) {
        this(name, content, path, DirFormat.ATLAS);
    }

    /** A file built in memory, without a path. */
    public static MigrationFile of(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A file of a {@code format} directory built in memory, without a path. */
    public static MigrationFile of(String name, String text, DirFormat format) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8), null, format);
    }

    /** The raw bytes (a copy). */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /**
     * The version: the name without {@code .sql}, up to the first {@code _}; in another format, the
     * format's version ({@link DirFormat#version(String)}, e.g. {@code 1.2} for flyway's {@code V1_2__x.sql}).
     */
    public String version() {
        return format == DirFormat.ATLAS ? versionOf(name) : format.version(name);
    }

    /**
     * The description: the name without {@code .sql}, after the first {@code _}; empty without one. In
     * another format, the format's description ({@link DirFormat#description(String)}).
     */
    public String description() {
        if (format != DirFormat.ATLAS) {
            return format.description(name);
        }
        String base = stripSuffix(name);
        int cut = base.indexOf('_');
        return cut < 0 ? "" : base.substring(cut + 1);
    }

    /** The version Atlas derives from a file name. */
    public static String versionOf(String name) {
        String base = stripSuffix(name);
        int cut = base.indexOf('_');
        return cut < 0 ? base : base.substring(0, cut);
    }

    /**
     * Whether line 1 is an {@code atlas:sum ignore} directive (any comment prefix): such a file gets no
     * {@code atlas.sum} line, though its name still feeds the running hash.
     */
    public boolean sumIgnored() {
        return Directive.atStart(text()).filter(d -> d.name().equals("sum") && d.arguments().equals("ignore")).isPresent();
    }

    /**
     * The statement delimiter set by {@code -- atlas:delimiter <d>} on line 1 (exact prefix {@code "-- "}),
     * with {@code \n}, {@code \r} and {@code \t} unescaped; empty when the file uses the default {@code ;}.
     */
    public Optional<String> delimiter() {
        return Directive.atStart(text())
                .filter(d -> d.prefix().equals("-- ") && d.name().equals("delimiter"))
                .map(d -> d.arguments().replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t"));
    }

    /** The directives of the file header (the leading comment block followed by a blank line). */
    public List<Directive> directives() {
        return Directive.fileHeader(text());
    }

    /** The header directives named {@code name}, e.g. {@code txmode}, {@code nolint}, {@code checkpoint}. */
    public List<Directive> directives(String directiveName) {
        return directives().stream().filter(d -> d.name().equals(directiveName)).toList();
    }

    /** Whether the header marks this file as a checkpoint ({@code -- atlas:checkpoint [tag]}). */
    public boolean isCheckpoint() {
        return !directives("checkpoint").isEmpty();
    }

    /**
     * Whether the header marks this Atlas-format file as a txtar archive of pre-migration checks
     * ({@code -- atlas:txtar}, then a blank line). Files of other formats are never read as archives.
     */
    public boolean isTxtar() {
        return format == DirFormat.ATLAS && !directives("txtar").isEmpty();
    }

    /** The file read as a txtar archive, or empty when it is not one ({@link #isTxtar()}). */
    public Optional<TxtarArchive> txtar() {
        return isTxtar() ? Optional.of(TxtarArchive.parse(text())) : Optional.empty();
    }

    /**
     * The pre-migration check files of a txtar file ({@code checks.sql}, {@code checks/<x>.sql}) in archive
     * order; empty for any other file.
     */
    public List<CheckFile> checks() {
        return txtar().map(TxtarArchive::checks).orElse(List.of());
    }

    /**
     * The statements of the file, split with the dialect's rules (honouring {@code atlas:delimiter}); in
     * another format or a txtar file, the statements of its up migration ({@link #upSql()}).
     */
    public List<SqlStatement> statements(SplitRules rules) {
        if (format == DirFormat.ATLAS && !isTxtar()) {
            return StatementSplitter.split(SqlScript.of(uri(), text()), rules);
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (UpSql.Part part : upSql().parts()) {
            statements.addAll(part.single() ? List.of(part.statement(uri()))
                    : StatementSplitter.split(part.script(uri()), rules));
        }
        return statements;
    }

    /**
     * The up migration: the SQL to execute, in parts with their lines in the file. For an Atlas file,
     * the whole file; for a txtar file, its {@code migration.sql} member (see {@link TxtarArchive#migration()}).
     */
    public UpSql upSql() {
        return format.upSql(this);
    }

    /**
     * The text of the up migration ({@link #upSql()}): for an Atlas, flyway or golang-migrate file the
     * whole file ({@link #text()}); for goose, dbmate and liquibase the up section without the format's
     * marker lines. A goose {@code StatementBegin/End} block is not marked in it: execute with
     * {@link #upSql()} to keep such a block one statement. For a txtar file, the {@code migration.sql} member
     * with every other line but the header directives blanked, so that split from line 1 its statements keep
     * their lines in the file and the checks are not part of it.
     */
    public String upText() {
        return format == DirFormat.ATLAS && !isTxtar() ? text() : upSql().text();
    }

    /** The file's URI for positions in messages: its path, or {@code file:<name>} for an in-memory file. */
    public URI uri() {
        if (path != null) {
            return path.toUri();
        }
        try {
            return new URI("file", name, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("migration file name " + name + " cannot be a URI", e);
        }
    }

    private static String stripSuffix(String name) {
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    // Records compare arrays by identity; files are equal when name, bytes and path are.
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationFile f && name.equals(f.name) && Arrays.equals(content, f.content)
                && Objects.equals(path, f.path) && format == f.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(content), path, format);
    }

    @Override
    public String toString() {
        return "MigrationFile[" + name + ", " + content.length + " bytes" + (path != null ? ", " + path : "")
                + (format != DirFormat.ATLAS ? ", " + format.id() : "") + "]";
    }
}
