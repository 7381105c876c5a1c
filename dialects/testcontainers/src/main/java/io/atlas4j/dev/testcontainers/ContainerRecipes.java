package io.atlas4j.dev.testcontainers;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Atlas's images, credentials, environment and setup statements for each {@code docker://} driver
 * (Atlas's {@code cmd/atlas/internal/docker}), as a pure function of the URL.
 *
 * <table>
 *   <caption>Drivers</caption>
 *   <tr><th>driver</th><th>image</th><th>login</th><th>port</th><th>database</th></tr>
 *   <tr><td>{@code mysql}</td><td>{@code arigaio/mysql:<tag>}</td><td>{@code root:pass}</td><td>3306</td>
 *       <td>{@code MYSQL_DATABASE}, {@code CREATE DATABASE IF NOT EXISTS}</td></tr>
 *   <tr><td>{@code maria}, {@code mariadb}</td><td>{@code arigaio/mariadb:<tag>}</td><td>{@code root:pass}</td>
 *       <td>3306</td><td>as MySQL</td></tr>
 *   <tr><td>{@code postgres}</td><td>{@code postgres:<tag>}</td><td>{@code postgres:pass}</td><td>5432</td>
 *       <td>{@code POSTGRES_DB}; default {@code postgres}</td></tr>
 *   <tr><td>{@code postgis}</td><td>{@code postgis/postgis:<tag>}</td><td>{@code postgres:pass}</td>
 *       <td>5432</td><td>{@code CREATE DATABASE "<db>"}; default {@code postgres}</td></tr>
 *   <tr><td>{@code pgvector}</td><td>{@code pgvector/pgvector:<tag>}</td><td>{@code postgres:pass}</td>
 *       <td>5432</td><td>{@code POSTGRES_DB}; default {@code postgres}</td></tr>
 *   <tr><td>{@code sqlserver}</td><td>{@code mcr.microsoft.com/mssql/server:<tag>}</td>
 *       <td>{@code sa:P@ssw0rd0995}</td><td>1433</td><td>{@code CREATE DATABASE [<db>]}; default
 *       {@code master}</td></tr>
 *   <tr><td>{@code clickhouse}</td><td>{@code clickhouse/clickhouse-server:<tag>}</td>
 *       <td>{@code default:pass}</td><td>9000</td><td>{@code CLICKHOUSE_DB},
 *       {@code CREATE DATABASE IF NOT EXISTS}</td></tr>
 * </table>
 */
public final class ContainerRecipes {

    /** The password of every image but SQL Server's. */
    static final String PASSWORD = "pass";
    /** SQL Server's {@code sa} password: the image rejects weak ones. */
    static final String SQLSERVER_PASSWORD = "P@ssw0rd0995";

    /** Atlas's Docker Hub account, whose MySQL and MariaDB images boot faster than the official ones. */
    private static final String ATLAS_HUB_USER = "arigaio/";

    /** The drivers of the {@code docker+<driver>://} form (Atlas registers exactly these). */
    private static final Set<String> CUSTOM_DRIVERS = Set.of("postgres", "mysql", "maria", "mariadb", "clickhouse", "sqlserver");

    private static final String KNOWN = "mysql, maria, mariadb, postgres, postgis, pgvector, sqlserver, clickhouse";

    private ContainerRecipes() {
    }

    /**
     * The recipe for a docker URL.
     *
     * @throws Atlas4jException {@code CONFIGURATION} {@code unsupported docker image "<driver>"} for an
     *     unknown driver
     */
    public static ContainerRecipe forUrl(DockerUrl url) {
        String driver = url.driver();
        if (url.isCustomImage() && !CUSTOM_DRIVERS.contains(driver)) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "unsupported docker driver \"" + driver + "\" in " + url.masked(),
                    "docker+<driver>:// takes one of postgres, mysql, maria, mariadb, clickhouse, sqlserver", null);
        }
        String db = url.database();
        Builder b = new Builder(url);
        switch (driver) {
            case "mysql":
                return mysql(b, "mysql", ATLAS_HUB_USER + "mysql", db);
            case "maria":
            case "mariadb":
                return mysql(b, "mariadb", ATLAS_HUB_USER + "mariadb", db);
            case "postgres":
                b.postgres("postgres");
                if (db != null) {
                    b.database = db;
                    b.env.put("POSTGRES_DB", db);
                }
                return b.build();
            case "postgis":
                b.postgres("postgis/postgis");
                // The image installs its extensions (and schemas tiger, topology) into POSTGRES_DB, so a
                // dev database created that way would not be clean: create it empty instead, as Atlas does.
                if (db != null && !db.equals("postgres")) {
                    b.database = db;
                    b.setup.add("CREATE DATABASE \"" + db.replace("\"", "\"\"") + "\"");
                }
                return b.build();
            case "pgvector":
                b.postgres("pgvector/pgvector");
                if (db != null) {
                    b.database = db;
                    b.env.put("POSTGRES_DB", db);
                }
                return b.build();
            case "sqlserver":
                b.image("mcr.microsoft.com/mssql/server");
                b.port = 1433;
                b.scheme = "sqlserver";
                b.user = "sa";
                b.password = SQLSERVER_PASSWORD;
                b.database = "master";
                b.env.put("ACCEPT_EULA", "Y");
                b.env.put("MSSQL_PID", "Developer");
                b.env.put("MSSQL_SA_PASSWORD", SQLSERVER_PASSWORD);
                if (db != null && !db.equals("master")) {
                    b.database = db;
                    b.setup.add("CREATE DATABASE [" + db.replace("]", "]]") + "]");
                }
                return b.build();
            case "clickhouse":
                b.image("clickhouse/clickhouse-server");
                b.port = 9000;
                b.scheme = "clickhouse";
                b.user = "default";
                b.password = PASSWORD;
                b.env.put("CLICKHOUSE_PASSWORD", PASSWORD);
                if (db != null) {
                    b.database = db;
                    b.env.put("CLICKHOUSE_DB", db);
                    b.setup.add("CREATE DATABASE IF NOT EXISTS `" + db.replace("`", "``") + "`");
                }
                return b.build();
            default:
                throw new Atlas4jException(ErrorCode.CONFIGURATION, "unsupported docker image \"" + driver + "\"",
                        "use one of " + KNOWN + " (docker://<driver>/<tag>/<db>), or docker+<driver>://<registry>/<image>"
                                + " for another image",
                        null);
        }
    }

    private static ContainerRecipe mysql(Builder b, String scheme, String image, String db) {
        b.image(image);
        b.port = 3306;
        b.scheme = scheme;
        b.user = "root";
        b.password = PASSWORD;
        b.env.put("MYSQL_ROOT_PASSWORD", PASSWORD);
        if (db != null) {
            b.database = db;
            b.env.put("MYSQL_DATABASE", db);
            b.setup.add("CREATE DATABASE IF NOT EXISTS `" + db.replace("`", "``") + "`");
        }
        return b.build();
    }

    /** Collects a recipe's parts; the image comes from the URL when it names one. */
    private static final class Builder {
        private final DockerUrl url;
        private String image;
        private int port;
        private String scheme;
        private String user;
        private String password;
        private String database;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> setup = new ArrayList<>();

        Builder(DockerUrl url) {
            this.url = url;
        }

        /** {@code repository:tag}, or the repository alone (latest) when the tag is empty, as Atlas does. */
        void image(String repository) {
            image = url.isCustomImage() ? url.customImage()
                    : url.tag().isEmpty() ? repository : repository + ":" + url.tag();
        }

        void postgres(String repository) {
            image(repository);
            port = 5432;
            scheme = "postgres";
            user = "postgres";
            password = PASSWORD;
            database = "postgres";
            env.put("POSTGRES_PASSWORD", PASSWORD);
        }

        ContainerRecipe build() {
            return new ContainerRecipe(image, port, env, setup, scheme, user, password, database, url.params());
        }
    }
}
