package io.atlas4j.migrate;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
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

    private MigrationDir(Path path, String display, List<MigrationFile> files) {
        this.path = path;
        this.display = display;
        this.files = List.copyOf(files);
    }

    /**
     * Opens the directory at {@code path}.
     *
     * @throws Atlas4jException (configuration) when it does not exist, is not a directory or cannot be read
     */
    public static MigrationDir open(Path path) {
        return open(path.toAbsolutePath().normalize(), path.toString());
    }

    /**
     * Opens the directory a {@code file://} URL names, as Atlas's {@code --dir} flag takes it:
     * {@code file://migrations} is relative to {@code workingDir}, {@code file:///abs} absolute, and
     * {@code file://} alone means {@code migrations}. The only format is {@code atlas}
     * ({@code ?format=atlas} is accepted).
     *
     * @throws Atlas4jException (configuration) for another scheme or format, or a missing directory
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
        if (query >= 0) {
            checkFormat(url, rest.substring(query + 1));
        }
        if (location.isEmpty()) {
            location = "migrations";
        }
        return open(workingDir.resolve(location).toAbsolutePath().normalize(), url);
    }

    private static void checkFormat(String url, String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (key.equals("format") && !value.equals("atlas")) {
                throw new Atlas4jException(ErrorCode.CONFIGURATION,
                        "migration directory " + Redaction.mask(url) + ": format \"" + value
                                + "\" is not supported yet",
                        "Atlas4J reads Atlas-format directories only: drop ?format= or use ?format=atlas", null);
            }
        }
    }

    private static MigrationDir open(Path absolute, String display) {
        if (!Files.isDirectory(absolute)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "migration directory " + display + ": " + absolute
                            + (Files.exists(absolute) ? " is not a directory" : " does not exist"),
                    "check --dir; relative paths resolve against the working directory", null);
        }
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(absolute)) {
            for (Path p : entries.filter(MigrationDir::isMigration).toList()) {
                files.add(new MigrationFile(p.getFileName().toString(), Files.readAllBytes(p), p));
            }
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "cannot read migration directory " + absolute + ": " + e.getMessage(), e);
        }
        files.sort(MigrationFile.ORDER);
        return new MigrationDir(absolute, display, files);
    }

    // Atlas globs "*.sql" in the folder itself: sub-folders and other files are not migrations.
    private static boolean isMigration(Path p) {
        return p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p);
    }

    /** The directory (absolute). */
    public Path path() {
        return path;
    }

    /** The migration files in order (byte-wise by name). */
    public List<MigrationFile> files() {
        return files;
    }

    /** The first file whose version is {@code version}. */
    public Optional<MigrationFile> file(String version) {
        return files.stream().filter(f -> f.version().equals(version)).findFirst();
    }

    /**
     * The files to apply to reach {@code version} from an empty database: every file whose version
     * compares (as a string) at most {@code version}, in directory order. Checkpoint files are included
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
                .filter(f -> MigrationFile.STRING_ORDER.compare(f.version(), version) <= 0)
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
