package io.atlas4j.dev.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL → container mapping of project-config.md §8.1, checklist P21–P28. */
class ContainerRecipesTest {

    private static final int PORT = 55001;

    private static ContainerRecipe recipe(String url) {
        return ContainerRecipes.forUrl(DockerUrl.parse(url));
    }

    private static String connection(String url) {
        return recipe(url).connectionUrl("localhost", PORT);
    }

    // ---- checklist ---------------------------------------------------------------------------------

    @Test
    void p21MysqlWithDatabase() {
        ContainerRecipe r = recipe("docker://mysql/8/dev");

        assertThat(r.image()).isEqualTo("arigaio/mysql:8");
        assertThat(r.database()).isEqualTo("dev");
        assertThat(r.port()).isEqualTo(3306);
        assertThat(r.env()).containsExactly(entry("MYSQL_ROOT_PASSWORD", "pass"), entry("MYSQL_DATABASE", "dev"));
        assertThat(r.setup()).containsExactly("CREATE DATABASE IF NOT EXISTS `dev`");
        String url = r.connectionUrl("localhost", PORT);
        assertThat(url).isEqualTo("mysql://root:pass@localhost:55001/dev");
        // Schema scope: the path names the schema.
        assertThat(DatabaseUrl.parse(url).path()).isEqualTo("dev");
    }

    @Test
    void p22PostgresWithDatabaseAndSearchPath() {
        ContainerRecipe r = recipe("docker://postgres/16/dev?search_path=public");

        assertThat(r.image()).isEqualTo("postgres:16");
        assertThat(r.env()).containsExactly(entry("POSTGRES_PASSWORD", "pass"), entry("POSTGRES_DB", "dev"));
        assertThat(r.setup()).isEmpty();
        assertThat(r.connectionUrl("localhost", PORT))
                .isEqualTo("postgres://postgres:pass@localhost:55001/dev?search_path=public&sslmode=disable");
    }

    @Test
    void p23PostgresWithoutDatabaseIsDatabaseScopeOnPostgres() {
        ContainerRecipe r = recipe("docker://postgres/15");

        assertThat(r.image()).isEqualTo("postgres:15");
        assertThat(r.database()).isEqualTo("postgres");
        assertThat(r.env()).containsExactly(entry("POSTGRES_PASSWORD", "pass"));
        DatabaseUrl url = DatabaseUrl.parse(r.connectionUrl("localhost", PORT));
        assertThat(url.path()).isEqualTo("postgres");
        assertThat(url.param("search_path")).as("no search_path: database scope").isEmpty();
    }

    @Test
    void p24SqlServerCreatesTheDatabaseAndSelectsItByQuery() {
        ContainerRecipe r = recipe("docker://sqlserver/2022-latest/dev?mode=schema");

        assertThat(r.image()).isEqualTo("mcr.microsoft.com/mssql/server:2022-latest");
        assertThat(r.port()).isEqualTo(1433);
        assertThat(r.setup()).containsExactly("CREATE DATABASE [dev]");
        assertThat(r.env()).containsExactly(entry("ACCEPT_EULA", "Y"), entry("MSSQL_PID", "Developer"),
                entry("MSSQL_SA_PASSWORD", "P@ssw0rd0995"));
        String url = r.connectionUrl("localhost", PORT);
        assertThat(url).isEqualTo("sqlserver://sa:P%40ssw0rd0995@localhost:55001?database=dev&mode=schema");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertThat(parsed.password()).isEqualTo("P@ssw0rd0995");
        assertThat(parsed.query()).containsEntry("database", "dev").containsEntry("mode", "schema");
    }

    @Test
    void p25ClickHouse() {
        ContainerRecipe r = recipe("docker://clickhouse/23.11/dev");

        assertThat(r.image()).isEqualTo("clickhouse/clickhouse-server:23.11");
        assertThat(r.user()).isEqualTo("default");
        assertThat(r.port()).isEqualTo(9000);
        assertThat(r.env()).containsExactly(entry("CLICKHOUSE_PASSWORD", "pass"), entry("CLICKHOUSE_DB", "dev"));
        assertThat(r.setup()).containsExactly("CREATE DATABASE IF NOT EXISTS `dev`");
        assertThat(r.connectionUrl("localhost", PORT)).isEqualTo("clickhouse://default:pass@localhost:55001/dev");
    }

    @Test
    void p26ImagesWithoutTagAndMariaAlias() {
        ContainerRecipe mysql = recipe("docker://mysql");
        assertThat(mysql.image()).isEqualTo("arigaio/mysql");
        assertThat(mysql.database()).isNull();
        assertThat(mysql.setup()).isEmpty();
        assertThat(mysql.env()).containsExactly(entry("MYSQL_ROOT_PASSWORD", "pass"));

        ContainerRecipe maria = recipe("docker://maria/latest");
        assertThat(maria.scheme()).isEqualTo("mariadb");
        assertThat(maria.image()).isEqualTo("arigaio/mariadb:latest");
    }

    @Test
    void p27CustomImages() {
        ContainerRecipe registry = recipe("docker+postgres://ghcr.io/ns/img:tag/dev");
        assertThat(registry.image()).isEqualTo("ghcr.io/ns/img:tag");
        assertThat(registry.database()).isEqualTo("dev");
        assertThat(registry.env()).containsEntry("POSTGRES_DB", "dev");
        assertThat(registry.scheme()).isEqualTo("postgres");

        ContainerRecipe local = recipe("docker+postgres://_/local/dev");
        assertThat(local.image()).isEqualTo("local");
        assertThat(local.database()).isEqualTo("dev");
    }

    @Test
    void p28UnknownDriver() {
        assertThatThrownBy(() -> recipe("docker://oracle/21"))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("unsupported docker image \"oracle\"");
                    assertThat(e.hint()).contains("postgres", "mysql", "docker+<driver>://");
                });
    }

    // ---- the other drivers and forms ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker://mysql/8/dev              | mysql://root:pass@localhost:55001/dev
            docker://mysql/8                  | mysql://root:pass@localhost:55001/
            docker://maria/11/dev             | mariadb://root:pass@localhost:55001/dev
            docker://mariadb/11/dev           | mariadb://root:pass@localhost:55001/dev
            docker://postgres/16/dev          | postgres://postgres:pass@localhost:55001/dev?sslmode=disable
            docker://postgis/14-3.4/dev       | postgres://postgres:pass@localhost:55001/dev?sslmode=disable
            docker://pgvector/pg17/dev        | postgres://postgres:pass@localhost:55001/dev?sslmode=disable
            docker://sqlserver/2022-latest    | sqlserver://sa:P%40ssw0rd0995@localhost:55001?database=master
            docker://clickhouse/24/dev        | clickhouse://default:pass@localhost:55001/dev
            docker://clickhouse/24            | clickhouse://default:pass@localhost:55001/
            docker+mysql://_/mysql:8.4/app    | mysql://root:pass@localhost:55001/app
            """)
    void resultingConnectionUrls(String docker, String expected) {
        assertThat(connection(docker)).isEqualTo(expected);
    }

    @Test
    void theHostComesFromTheEngine() {
        assertThat(recipe("docker://mysql/8/dev").connectionUrl("10.0.0.7", 32768))
                .isEqualTo("mysql://root:pass@10.0.0.7:32768/dev");
        assertThat(recipe("docker://mysql/8/dev").connectionUrl("::1", 32768))
                .isEqualTo("mysql://root:pass@[::1]:32768/dev");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker://postgis/14-3.4/dev   | postgis/postgis:14-3.4 | CREATE DATABASE "dev"
            docker://pgvector/pg17/dev    | pgvector/pgvector:pg17 | -
            docker://maria/11.4/dev       | arigaio/mariadb:11.4   | CREATE DATABASE IF NOT EXISTS `dev`
            """)
    void postgresFamilyAndMariaImages(String docker, String image, String setup) {
        ContainerRecipe r = recipe(docker);

        assertThat(r.image()).isEqualTo(image);
        if (setup.equals("-")) {
            assertThat(r.setup()).isEmpty();
        } else {
            assertThat(r.setup()).containsExactly(setup);
        }
    }

    @Test
    void postgisCreatesItsDatabaseInsteadOfPostgresDb() {
        // The image would install PostGIS into POSTGRES_DB: the dev database would not be clean.
        ContainerRecipe r = recipe("docker://postgis/16-3.4/dev");

        assertThat(r.env()).containsExactly(entry("POSTGRES_PASSWORD", "pass"));
        assertThat(r.database()).isEqualTo("dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker://postgis/16-3.4", "docker://postgis/16-3.4/postgres"})
    void postgisOnItsDefaultDatabaseCreatesNothing(String url) {
        ContainerRecipe r = recipe(url);

        assertThat(r.setup()).isEmpty();
        assertThat(r.database()).isEqualTo("postgres");
    }

    @Test
    void sqlServerOnMasterCreatesNothing() {
        ContainerRecipe r = recipe("docker://sqlserver/2022-latest/master");

        assertThat(r.setup()).isEmpty();
        assertThat(r.connectionUrl("localhost", PORT)).endsWith("?database=master");
    }

    @Test
    void databaseNamesAreQuotedInSetupStatements() {
        assertThat(recipe("docker://mysql/8/we`ird").setup()).containsExactly("CREATE DATABASE IF NOT EXISTS `we``ird`");
        assertThat(recipe("docker://postgis/16/we\"ird").setup()).containsExactly("CREATE DATABASE \"we\"\"ird\"");
        assertThat(recipe("docker://sqlserver/2022-latest/we]ird").setup()).containsExactly("CREATE DATABASE [we]]ird]");
    }

    // ---- parameters -------------------------------------------------------------------------------

    @Test
    void verboseParametersDoNotReachTheConnectionUrl() {
        assertThat(connection("docker://postgres/16/dev?v&search_path=public"))
                .isEqualTo("postgres://postgres:pass@localhost:55001/dev?search_path=public&sslmode=disable");
        assertThat(connection("docker://mysql/8/dev?verbose")).isEqualTo("mysql://root:pass@localhost:55001/dev");
    }

    @Test
    void containerParametersWinOverTheUrls() {
        assertThat(connection("docker://postgres/16/dev?sslmode=require"))
                .isEqualTo("postgres://postgres:pass@localhost:55001/dev?sslmode=disable");
        assertThat(connection("docker://sqlserver/2022-latest/dev?database=other&mode=database"))
                .isEqualTo("sqlserver://sa:P%40ssw0rd0995@localhost:55001?database=dev&mode=database");
    }

    @Test
    void otherParametersArePassedOnSortedByName() {
        assertThat(connection("docker://mysql/8/dev?parseTime=true&charset=utf8mb4"))
                .isEqualTo("mysql://root:pass@localhost:55001/dev?charset=utf8mb4&parseTime=true");
        assertThat(connection("docker://postgres/16/dev?search_path=a%20b&application_name=x"))
                .isEqualTo("postgres://postgres:pass@localhost:55001/dev?application_name=x&search_path=a%20b&sslmode=disable");
        DatabaseUrl parsed = DatabaseUrl.parse(connection("docker://postgres/16/dev?search_path=a%20b"));
        assertThat(parsed.param("search_path")).contains("a b");
    }

    @Test
    void theAdminUrlIsTheServerWithoutTheDevDatabaseAndWithoutUserParameters() {
        assertThat(recipe("docker://mysql/8/dev?parseTime=true").adminUrl("localhost", PORT))
                .isEqualTo("mysql://root:pass@localhost:55001/");
        assertThat(recipe("docker://postgis/16/dev?search_path=public").adminUrl("localhost", PORT))
                .isEqualTo("postgres://postgres:pass@localhost:55001/?sslmode=disable");
        assertThat(recipe("docker://sqlserver/2022-latest/dev").adminUrl("localhost", PORT))
                .isEqualTo("sqlserver://sa:P%40ssw0rd0995@localhost:55001");
        assertThat(recipe("docker://clickhouse/24/dev").adminUrl("localhost", PORT))
                .isEqualTo("clickhouse://default:pass@localhost:55001/");
    }

    @Test
    void theRecipeKeepsTheUrlsParameters() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("search_path", "public");
        expected.put("application_name", "t");
        assertThat(recipe("docker://postgres/16/dev?search_path=public&v&application_name=t").params())
                .containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker+postgis://_/postgis/postgis:16/dev", "docker+oracle://_/oracle:21"})
    void customImagesTakeOnlyAtlassDrivers(String url) {
        assertThatThrownBy(() -> recipe(url))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).startsWith("unsupported docker driver");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker://", "docker:///16/dev", "docker://mssql/2022"})
    void unknownOrMissingDrivers(String url) {
        assertThatThrownBy(() -> recipe(url))
                .isInstanceOfSatisfying(Atlas4jException.class,
                        e -> assertThat(e.getMessage()).startsWith("unsupported docker image \""));
    }
}
