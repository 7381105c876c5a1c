package io.atlas4j.migrate;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.format.DirFormat;
import io.atlas4j.url.DatabaseUrl;
import io.atlas4j.url.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Atlas migration directory (format {@code atlas}): the {@code *.sql} files directly in one folder,
 * ordered by name, and their {@code atlas.sum}.
 *
 * <p>A directory of another format ({@link DirFormat}: golang-migrate, goose, flyway, liquibase,
 * dbmate) lists that format's migration files in its order (e.g. only {@code *.up.sql} for
 * golang-migrate); {@code atlas.sum} covers exactly those files.
 *
 * <p>The migration files are read once, when the directory is opened; other files and sub-folders are
 * ignored. {@code atlas.sum} is read when asked for, so {@link #writeSumFile()} followed by
 * {@link #validate()} sees the new file.
 */
public final class MigrationDir {

    /** The directory used when none is given. */
    public static final String DEFAULT_URL = "file://migrations";

    private static final String FILE_SCHEME = "file://";
    private static final int VERSIONS_IN_HINT = 10;

    private final Path path;
    private final String display;
    private final List<MigrationFile> files;
    private final DirFormat format;

    private MigrationDir(Path path, String display, List<MigrationFile> files, DirFormat format) {
        this.path = path;
        this.display = display;
        this.files = List.copyOf(files);
        this.format = format;
    }

    /**
     * Opens the directory at {@code path}.
     *
     * @throws Atlas4jException (configuration) when it does not exist, is not a directory or cannot be read
     */
    public static MigrationDir open(Path path) {
        return open(path, DirFormat.ATLAS);
    }

    /**
     * Opens the directory at {@code path}, read as a {@code format} directory.
     *
     * @throws Atlas4jException (configuration) when it does not exist, is not a directory or cannot be read
     */
    public static MigrationDir open(Path path, DirFormat format) {
        return open(path.toAbsolutePath().normalize(), path.toString(), Objects.requireNonNull(format, "format"));
    }

    /**
     * Opens the directory a {@code file://} URL names, as Atlas's {@code --dir} flag takes it:
     * {@code file://migrations} is relative to {@code workingDir}, {@code file:///abs} absolute, and
     * {@code file://} alone means {@code migrations}. {@code ?format=} names the directory format
     * ({@link DirFormat#id()}: {@code atlas} when absent).
     *
     * @throws Atlas4jException (configuration) for another scheme, an unknown format, or a missing directory
     */
    public static MigrationDir open(String url, Path workingDir) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(FILE_SCHEME)) {
            boolean scheme = DatabaseUrl.hasScheme(url);
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "unsupported migration directory URL \"" + Redaction.mask(url) + "\""
                            + (scheme ? ": only file:// directories are supported" : ": missing scheme"),
                    scheme ? "pass a local directory as file://PATH" : "write it as file://" + url, null);
        }
        String rest = url.substring(FILE_SCHEME.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        DirFormat format = query < 0 ? DirFormat.ATLAS : formatOf(url, rest.substring(query + 1));
        if (location.isEmpty()) {
            location = "migrations";
        }
        return open(workingDir.resolve(location).toAbsolutePath().normalize(), url, format);
    }

    /**
     * The format a {@code --dir} URL names with {@code ?format=}; {@code atlas} without one.
     *
     * @throws Atlas4jException (configuration) for an unknown format, naming the valid ones
     */
    public static DirFormat formatOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? DirFormat.ATLAS : formatOf(url, url.substring(query + 1));
    }

    private static DirFormat formatOf(String url, String query) {
        DirFormat format = DirFormat.ATLAS;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (key.equals("format")) {
                try {
                    format = DirFormat.of(value);
                } catch (Atlas4jException e) {
                    throw new Atlas4jException(ErrorCode.CONFIGURATION,
                            "migration directory " + Redaction.mask(url) + ": " + e.getMessage(), e.hint(), e);
                }
            }
        }
        return format;
    }

    private static MigrationDir open(Path absolute, String display, DirFormat format) {
        if (!Files.isDirectory(absolute)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "migration directory " + display + ": " + absolute
                            + (Files.exists(absolute) ? " is not a directory" : " does not exist"),
                    "check --dir; relative paths resolve against the working directory", null);
        }
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(absolute)) {
            for (Path p : entries.filter(p -> isMigration(p, format)).toList()) {
                files.add(new MigrationFile(p.getFileName().toString(), Files.readAllBytes(p), p, format));
            }
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "cannot read migration directory " + absolute + ": " + e.getMessage(), e);
        }
        return new MigrationDir(absolute, display, format.arrange(files), format);
    }

    // Atlas globs "*.sql" (per format) in the folder itself: sub-folders and other files are not migrations.
    private static boolean isMigration(Path p, DirFormat format) {
        return format.isMigration(p.getFileName().toString()) && Files.isRegularFile(p);
    }

    /** The directory format ({@code atlas} unless the URL named another). */
    public DirFormat format() {
        return format;
    }

    /** The directory (absolute). */
    public Path path() {
        return path;
    }

    /** The migration files in order (byte-wise by name; flyway: by version, see {@link DirFormat#arrange}). */
    public List<MigrationFile> files() {
        return files;
    }

    /** The first file whose version is {@code version}. */
    public Optional<MigrationFile> file(String version) {
        return files.stream().filter(f -> f.version().equals(version)).findFirst();
    }

    /**
     * The files to apply to reach {@code version} from an empty database: every file whose version
     * compares (as a string; flyway: numerically) at most {@code version}, in directory order. Checkpoint files are included
     * like any other file.
     *
     * @throws Atlas4jException (configuration) {@code migration version "<v>" was not found in <dir>}
     *     when no file has that version
     */
    public List<MigrationFile> filesUpTo(String version) {
        if (file(version).isEmpty()) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "migration version \"" + version + "\" was not found in " + display, versionsHint(), null);
        }
        return files.stream()
                .filter(f -> format.versionOrder().compare(f.version(), version) <= 0)
                .toList();
    }

    private String versionsHint() {
        if (files.isEmpty()) {
            return "the directory has no migration files";
        }
        String listed = files.stream().limit(VERSIONS_IN_HINT).map(MigrationFile::version)
                .collect(Collectors.joining(", "));
        return "use one of its versions: " + listed + (files.size() > VERSIONS_IN_HINT ? ", ..." : "");
    }

    /** The sum of the directory as it is now. */
    public SumFile checksum() {
        return SumFile.of(files);
    }

    /**
     * The directory's {@code atlas.sum}, or empty when there is none.
     *
     * @throws ChecksumMismatchException when it is malformed or its total does not match its entries
     */
    public Optional<SumFile> readSumFile() {
        Path sum = path.resolve(SumFile.FILE_NAME);
        String text;
        try {
            text = Files.readString(sum, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot read " + sum + ": " + e.getMessage(), e);
        }
        return Optional.of(SumFile.parse(text, sum.toString()));
    }

    /**
     * Checks the directory against its {@code atlas.sum}, as every Atlas command that reads a directory
     * does. A directory without migration files needs no {@code atlas.sum}.
     *
     * @throws ChecksumMismatchException {@code checksum file not found}, {@code checksum file format invalid}
     *     or {@code checksum mismatch} (naming the first added, edited or removed file)
     */
    public void validate() {
        Optional<SumFile> expected = readSumFile();
        if (expected.isEmpty()) {
            if (!files.isEmpty()) {
                throw ChecksumMismatchException.sumFileNotFound(display);
            }
            return;
        }
        SumFile actual = checksum();
        if (expected.get().total().equals(actual.total())) {
            return;
        }
        throw expected.get().firstDifference(actual)
                .map(m -> ChecksumMismatchException.mismatch(display, m))
                .orElseGet(() -> ChecksumMismatchException.totalMismatch(path.resolve(SumFile.FILE_NAME).toString()));
    }

    /** Computes the sum of the directory and writes it to {@code atlas.sum}, replacing any old one. */
    public SumFile writeSumFile() {
        SumFile sum = checksum();
        Path target = path.resolve(SumFile.FILE_NAME);
        try {
            Files.write(target, sum.bytes());
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot write " + target + ": " + e.getMessage(), e);
        }
        return sum;
    }

    /** The directory as the user named it (its URL or path). */
    @Override
    public String toString() {
        return display;
    }
}
