package io.atlas4j.dev.embedded;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Where the PostgreSQL archive of one major comes from: a class path resource or a jar in the local
 * Maven repository, both read through a {@code jar:} URI.
 *
 * <p>zonky caches the extracted binaries per resolver ({@code equals}), so equal records (same
 * location) are extracted and hashed once per JVM.
 *
 * @param major the major the binaries are believed to be
 * @param version the binaries' artifact version ({@code 17.11.0}), or null when it cannot be told
 * @param location the {@code .txz} archive
 */
record PostgresBinaries(int major, String version, URI location) implements PgBinaryResolver {

    /** The version, or "unknown version", for messages. */
    String describe() {
        String where = location.toString();
        int bang = where.indexOf("!/");
        if (where.startsWith("jar:") && bang > 0) {
            where = where.substring(4, bang);
        }
        return (version == null ? "binaries of unknown version" : "binaries " + version) + " from " + where;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        // The platform was chosen when these binaries were located; zonky's names are not needed.
        return location.toURL().openStream();
    }
}
