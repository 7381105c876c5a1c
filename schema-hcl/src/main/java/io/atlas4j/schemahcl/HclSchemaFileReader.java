package io.atlas4j.schemahcl;

import io.atlas4j.diff.Rename;
import io.atlas4j.hcl.Value;
import io.atlas4j.schema.Realm;
import io.atlas4j.state.SchemaFileReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugs Atlas HCL schema files into the engine's state reading ({@code file://schema.hcl} in
 * {@code schema diff|apply}, {@code migrate diff} and schema tests). Test files ({@code *.test.hcl}) and
 * the project file ({@code atlas.hcl}) are not schema, as in Atlas.
 */
public final class HclSchemaFileReader implements SchemaFileReader {

    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".hcl") && !name.endsWith(".test.hcl") && !name.equals("atlas.hcl");
    }

    @Override
    public Realm read(String dialect, List<Path> files, Map<String, Object> variables) {
        return result(dialect, files, variables).realm();
    }

    /** The {@code renamed_from} hints of the files' tables, columns and indexes. */
    @Override
    public List<Rename> renames(String dialect, List<Path> files, Map<String, Object> variables) {
        return result(dialect, files, variables).renames();
    }

    private static SchemaHclResult result(String dialect, List<Path> files, Map<String, Object> variables) {
        Map<String, Value> inputs = new LinkedHashMap<>();
        variables.forEach((name, value) -> inputs.put(name, value(value)));
        return new SchemaHclReader(HclDialects.get(dialect)).read(files, inputs);
    }

    private static Value value(Object v) {
        if (v instanceof List<?> list) {
            return new Value.ListV(list.stream().map(HclSchemaFileReader::value).toList());
        }
        return new Value.Str(String.valueOf(v));
    }
}
