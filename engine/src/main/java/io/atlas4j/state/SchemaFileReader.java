package io.atlas4j.state;

import io.atlas4j.diff.Rename;
import io.atlas4j.schema.Realm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads schema files that are not SQL (Atlas HCL) into the model. Found with
 * {@link java.util.ServiceLoader}; the {@code atlas4j-schema-hcl} module provides the HCL reader, so the
 * engine needs no HCL.
 */
public interface SchemaFileReader {

    /** Whether this reader reads {@code file} (by its name: {@code schema.hcl}, not {@code x.test.hcl}). */
    boolean accepts(Path file);

    /**
     * Reads {@code files} as one document for {@code dialect}.
     *
     * @param variables input variables: a String or a List of Strings per name
     * @throws io.atlas4j.error.Atlas4jException with file:line:col positions for bad input
     */
    Realm read(String dialect, List<Path> files, Map<String, Object> variables);

    /**
     * The rename hints the files declare ({@code renamed_from}), which the realm cannot carry once it is
     * normalised through a dev database. None by default.
     *
     * @throws io.atlas4j.error.Atlas4jException with file:line:col positions for bad input
     */
    default List<Rename> renames(String dialect, List<Path> files, Map<String, Object> variables) {
        return List.of();
    }
}
