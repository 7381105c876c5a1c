package io.atlas4j.diff;

import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.Set;

/**
 * How to diff.
 *
 * @param skip change classes to leave out, at every nesting level (the project file's
 *     {@code diff { skip { ... } }})
 * @param concurrentIndexCreate plan {@code CREATE INDEX CONCURRENTLY} for indexes of existing tables
 * @param concurrentIndexDrop plan {@code DROP INDEX CONCURRENTLY}
 */
public record DiffOptions(Set<Class<?>> skip, boolean concurrentIndexCreate, boolean concurrentIndexDrop) {

    /** Every change, nothing concurrent. */
    public static final DiffOptions DEFAULT = new DiffOptions(Set.of(), false, false);

    public DiffOptions {
        skip = Set.copyOf(skip);
        for (Class<?> c : skip) {
            if (!SchemaChange.class.isAssignableFrom(c) && !TableChange.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("not a change class: " + c.getName());
            }
        }
    }

    /** Whether changes of {@code kind} are skipped. */
    public boolean skips(Class<?> kind) {
        return skip.contains(kind);
    }
}
