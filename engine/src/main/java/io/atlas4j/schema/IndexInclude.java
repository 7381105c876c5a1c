package io.atlas4j.schema;

import java.util.List;

/** The non-key columns of an index ({@code INCLUDE (...)}). */
public record IndexInclude(List<String> columns) implements Attr {
    public IndexInclude {
        columns = List.copyOf(columns);
    }
}
