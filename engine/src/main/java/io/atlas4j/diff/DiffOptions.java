package io.atlas4j.diff;

import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Set;

/**
 * How to diff.
 *
 * @param skip change classes to leave out, at every nesting level (the project file's
 *     {@code diff { skip { ... } }})
 * @param concurrentIndexCreate plan {@code CREATE INDEX CONCURRENTLY} for indexes of existing tables
 * @param concurrentIndexDrop plan {@code DROP INDEX CONCURRENTLY}
 * @param renames declared renames of the desired state ({@code renamed_from}); a hint whose rename class
 *     is skipped is not used, so the object is dropped and added instead
 */
public record DiffOptions(Set<Class<?>> skip, boolean concurrentIndexCreate, boolean concurrentIndexDrop,
        List<Rename> renames) {

    /** Every change, nothing concurrent, no renames. */
    public static final DiffOptions DEFAULT = new DiffOptions(Set.of(), false, false);

    public DiffOptions {
        skip = Set.copyOf(skip);
        for (Class<?> c : skip) {
            if (!SchemaChange.class.isAssignableFrom(c) && !TableChange.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("not a change class: " + c.getName());
            }
        }
        renames = List.copyOf(renames);
    }

    /** Options without rename hints. */
    public DiffOptions(Set<Class<?>> skip, boolean concurrentIndexCreate, boolean concurrentIndexDrop) {
        this(skip, concurrentIndexCreate, concurrentIndexDrop, List.of());
    }

    /** These options with {@code renames} as the rename hints. */
    public DiffOptions withRenames(List<Rename> renames) {
        return new DiffOptions(skip, concurrentIndexCreate, concurrentIndexDrop, renames);
    }

    /** Whether changes of {@code kind} are skipped. */
    public boolean skips(Class<?> kind) {
        return skip.contains(kind);
    }
}
