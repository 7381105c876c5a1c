package io.atlas4j.inspect;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;

/** The schema asked for does not exist in the inspected database. */
public class SchemaNotFoundException extends Atlas4jException {

    private static final long serialVersionUID = 1L;

    private final String schema;

    public SchemaNotFoundException(String schema) {
        super(ErrorCode.CONFIGURATION, "inspect: schema \"" + schema + "\" was not found",
                "check the schema name and the URL's database", null);
        this.schema = schema;
    }

    /** The missing schema's name. */
    public String schema() {
        return schema;
    }
}
