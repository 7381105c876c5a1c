package io.atlas4j.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code atlas.sum} integrity file of a migration directory, computed and rendered byte for byte as
 * Atlas does.
 *
 * <p>Format: {@code h1:<total>\n}, then {@code <file name> h1:<hash>\n} per migration file in directory
 * order. The per-file hashes form a chain: one SHA-256 runs over every file's name and bytes in order,
 * and a file's hash is the digest of everything written up to and including it, so a file's hash
 * changes when any earlier file changes. A file whose line 1 is {@code atlas:sum ignore} adds its name
 * to the chain but gets no line. The total is the SHA-256 of every entry's name followed by its base64
 * hash (without {@code h1:}). All hashes are standard base64 with padding.
 *
 * @param total the total hash, without {@code h1:}
 * @param entries one per hashed file, in directory order
 */
public record SumFile(String total, List<Entry> entries) {

    /** The file name inside a migration directory. */
    public static final String FILE_NAME = "atlas.sum";

    private static final String H1 = "h1:";

    /**
     * One line of {@code atlas.sum}.
     *
     * @param name the migration file name
     * @param hash the chained hash, without {@code h1:}
     */
    public record Entry(String name, String hash) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hash, "hash");
        }
    }

    public SumFile {
        Objects.requireNonNull(total, "total");
        entries = List.copyOf(entries);
    }

    /** The sum of {@code files}, taken in the given order (a directory's order: by name). */
    public static SumFile of(List<MigrationFile> files) {
        MessageDigest chain = sha256();
        List<Entry> entries = new ArrayList<>();
        for (MigrationFile f : files) {
            chain.update(utf8(f.name()));
            if (f.sumIgnored()) {
                continue;
            }
            chain.update(f.content());
            entries.add(new Entry(f.name(), base64(snapshot(chain))));
        }
        return new SumFile(totalOf(entries), entries);
    }

    /** The total hash (without {@code h1:}) of {@code entries}. */
    public static String totalOf(List<Entry> entries) {
        MessageDigest total = sha256();
        for (Entry e : entries) {
            total.update(utf8(e.name()));
            total.update(utf8(e.hash()));
        }
        return base64(total.digest());
    }

    /** {@link #parse(String, String)} for an {@code atlas.sum} named {@value #FILE_NAME} in messages. */
    public static SumFile parse(String text) {
        return parse(text, FILE_NAME);
    }

    /**
     * Reads an {@code atlas.sum} the way Atlas does: line 1 without its {@code h1:} prefix is the total;
     * every further line splits at its first {@code h1:} into the (trimmed) file name and the hash.
     *
     * @param origin how to name the file in messages, e.g. {@code migrations/atlas.sum}
     * @throws ChecksumMismatchException {@code checksum file format invalid} when a line has no
     *     {@code h1:}; {@code checksum mismatch} when the total does not match the entries
     */
    public static SumFile parse(String text, String origin) {
        List<String> lines = lines(text);
        String total = lines.isEmpty() ? "" : stripPrefix(lines.get(0));
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int cut = line.indexOf(H1);
            if (cut < 0) {
                throw ChecksumMismatchException.formatInvalid(origin, i + 1);
            }
            entries.add(new Entry(line.substring(0, cut).strip(), line.substring(cut + H1.length())));
        }
        if (!total.equals(totalOf(entries))) {
            throw ChecksumMismatchException.totalMismatch(origin);
        }
        return new SumFile(total, entries);
    }

    /** The file's text, byte for byte as Atlas writes it; every line ends with {@code \n}. */
    public String render() {
        StringBuilder text = new StringBuilder(H1).append(total).append('\n');
        for (Entry e : entries) {
            text.append(e.name()).append(' ').append(H1).append(e.hash()).append('\n');
        }
        return text.toString();
    }

    /** {@link #render()} as UTF-8 bytes. */
    public byte[] bytes() {
        return utf8(render());
    }

    /** The hash of {@code fileName} (without {@code h1:}, as the revisions table stores it), if listed. */
    public Optional<String> hash(String fileName) {
        return entries.stream().filter(e -> e.name().equals(fileName)).map(Entry::hash).findFirst();
    }

    /**
     * The first difference between this (expected) sum and {@code actual}, the sum of the directory as it
     * is now, in Atlas's terms; empty when the totals agree, or when only a total that does not match its own
     * entries differs.
     *
     * <p>At the first entry {@code i} that differs: its file is gone → {@code removed}; it is still at
     * index {@code i} → {@code edited}; it moved → the directory's file at {@code i} was {@code added}.
     * When every entry matches but the directory has more files, the first extra one was {@code added}.
     */
    public Optional<ChecksumMismatchException.Mismatch> firstDifference(SumFile actual) {
        if (total.equals(actual.total)) {
            return Optional.empty();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < actual.entries.size(); i++) {
            index.putIfAbsent(actual.entries.get(i).name(), i);
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry expected = entries.get(i);
            if (i < actual.entries.size() && expected.equals(actual.entries.get(i))) {
                continue;
            }
            Integer at = index.get(expected.name());
            ChecksumMismatchException.Reason reason;
            String file = expected.name();
            if (at == null || i >= actual.entries.size()) {
                reason = ChecksumMismatchException.Reason.REMOVED;
            } else if (at == i) {
                reason = ChecksumMismatchException.Reason.EDITED;
            } else {
                reason = ChecksumMismatchException.Reason.ADDED;
                file = actual.entries.get(i).name();
            }
            return Optional.of(new ChecksumMismatchException.Mismatch(i + 2, file, reason));
        }
        if (actual.entries.size() > entries.size()) {
            return Optional.of(new ChecksumMismatchException.Mismatch(entries.size() + 2,
                    actual.entries.get(entries.size()).name(), ChecksumMismatchException.Reason.ADDED));
        }
        // Same entries, different totals: a total that does not match its entries (parse() rejects those).
        return Optional.empty();
    }

    // Lines as Go's bufio.Scanner yields them: split at '\n', a trailing '\r' dropped, no empty last line.
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }

    private static String stripPrefix(String line) {
        return line.startsWith(H1) ? line.substring(H1.length()) : line;
    }

    // The running digest is read from a copy, so the chain continues over later files.
    private static byte[] snapshot(MessageDigest chain) {
        try {
            return ((MessageDigest) chain.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
