/** The inspector role: reads the current schema of a database into the {@link io.atlas4j.schema} model. */
package io.atlas4j.inspect;
