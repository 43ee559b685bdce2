package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What psql's describe commands, pgjdbc's DatabaseMetaData, Grafana's health check and pickers, and DBeaver's and
 * pgAdmin's connection probes read from the emulated catalog; the probes are the clients' own SQL, verbatim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCatalogWithRealClients
{
    private static final String TABLE = "otel_logs_and_spans";

    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start();
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void psqlListsTables()
            throws Exception
    {
        assertThat(psql("\\dt")).contains(" public | otel_logs_and_spans | table | postgres");
    }

    @Test
    void psqlDescribesTheTableWithPostgresTypesAndNotNull()
            throws Exception
    {
        String output = psql("\\d " + TABLE);
        assertThat(output).contains("Table \"public.otel_logs_and_spans\"");
        // one line per column of the table (the header line starts with padding)
        assertThat(output.lines().filter(line -> line.matches(" \\S+ +\\|.*")).count()).isEqualTo(90);
        assertThat(output).containsPattern(" timestamp +\\| timestamp with time zone \\| +\\| not null \\|")
                .containsPattern(" id +\\| text +\\| +\\| not null \\|")
                .containsPattern(" hashes +\\| text\\[\\] +\\| +\\| +\\|")
                .containsPattern(" body +\\| jsonb +\\| +\\| +\\|")
                .containsPattern(" duration +\\| bigint +\\| +\\| +\\|")
                .containsPattern(" context___is_remote +\\| boolean +\\| +\\| +\\|")
                .containsPattern(" severity___severity_number +\\| integer +\\| +\\| +\\|")
                .containsPattern(" date +\\| date +\\| +\\| not null \\|");
    }

    @Test
    void psqlDescribesTheTableVerbosely()
            throws Exception
    {
        String output = psql("\\d+ " + TABLE);
        assertThat(output).containsPattern(" timestamp +\\| timestamp with time zone \\| +\\| not null \\| +\\| plain +\\|")
                .containsPattern(" id +\\| text +\\| +\\| not null \\| +\\| extended +\\|")
                .contains("Access method: heap");
    }

    @Test
    void psqlListsTheDatabase()
            throws Exception
    {
        assertThat(psql("\\l")).containsPattern(" timefusion +\\| postgres +\\| UTF8 +\\| C +\\| C +\\|");
    }

    @Test
    void psqlListsSchemas()
            throws Exception
    {
        assertThat(psql("\\dn")).containsPattern(" public +\\| postgres");
    }

    @Test
    void psqlListsTheConnectedRole()
            throws Exception
    {
        assertThat(psql("\\du")).containsPattern(" postgres +\\|");
    }

    @Test
    void psqlListsNoUserDefinedFunctions()
            throws Exception
    {
        assertThat(psql("\\df")).contains("(0 rows)");
    }

    private String psql(String command)
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = ExternalProcess.run(
                List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(gateway.pgwirePort()), "-U", TestingGateway.USER, "-d", "timefusion",
                        "-v", "ON_ERROR_STOP=1", "-X", "-f", "-"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD, "PGCONNECT_TIMEOUT", "10"),
                command + "\n");
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        return psql.stdout();
    }

    @Test
    void pgjdbcListsTheTableInSchemaPublic()
            throws SQLException
    {
        try (Connection connection = gateway.connect(); ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME") + " " + tables.getString("TABLE_TYPE"));
            }
            assertThat(names).contains("public.otel_logs_and_spans TABLE");
        }
    }

    @Test
    void pgjdbcListsEveryColumnInOrderWithItsPostgresType()
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (Connection connection = gateway.connect(); ResultSet rows = connection.getMetaData().getColumns(null, "public", TABLE, "%")) {
            while (rows.next()) {
                assertThat(rows.getInt("ORDINAL_POSITION")).isEqualTo(columns.size() + 1);
                columns.add("%s %s %d %d".formatted(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"), rows.getInt("DATA_TYPE"), rows.getInt("NULLABLE")));
            }
        }
        assertThat(columns).hasSize(90);
        assertThat(columns).contains(
                "timestamp timestamptz %d %d".formatted(Types.TIMESTAMP_WITH_TIMEZONE == 0 ? 0 : Types.TIMESTAMP, DatabaseMetaData.columnNoNulls),
                "id text %d %d".formatted(Types.VARCHAR, DatabaseMetaData.columnNoNulls),
                "hashes _text %d %d".formatted(Types.ARRAY, DatabaseMetaData.columnNullable),
                "body jsonb %d %d".formatted(Types.OTHER, DatabaseMetaData.columnNullable),
                "duration int8 %d %d".formatted(Types.BIGINT, DatabaseMetaData.columnNullable),
                "context___is_remote bool %d %d".formatted(Types.BIT, DatabaseMetaData.columnNullable),
                "severity___severity_number int4 %d %d".formatted(Types.INTEGER, DatabaseMetaData.columnNullable),
                "date date %d %d".formatted(Types.DATE, DatabaseMetaData.columnNoNulls));
    }

    @Test
    void pgjdbcListsSchemasCatalogsTypesAndNoPrimaryKey()
            throws SQLException
    {
        try (Connection connection = gateway.connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            assertThat(firstColumn(metaData.getSchemas())).contains("public", "pg_catalog", "information_schema");
            assertThat(firstColumn(metaData.getCatalogs())).containsExactly("timefusion");
            assertThat(firstColumn(metaData.getTypeInfo())).contains("int4", "text", "timestamptz", "jsonb", "_text");
            assertThat(firstColumn(metaData.getPrimaryKeys(null, "public", TABLE))).isEmpty();
        }
    }

    private static List<String> firstColumn(ResultSet rows)
            throws SQLException
    {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    @Test
    void grafanasTablePickerFindsTheTableOnTheSearchPath()
            throws SQLException
    {
        // grafana-postgresql-datasource/postgresMetaQuery.ts showTables(), verbatim
        String schemaConstraint = """
                
                          quote_ident(table_schema) IN (
                          SELECT
                            CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
                          FROM
                            generate_series(
                              array_lower(string_to_array(current_setting('search_path'),','),1),
                              array_upper(string_to_array(current_setting('search_path'),','),1)
                            ) as i,
                            string_to_array(current_setting('search_path'),',') s
                          )""";
        String showTables = """
                SELECT
                    CASE WHEN %1$s
                      THEN quote_ident(table_name)
                      ELSE quote_ident(table_schema) || '.' || quote_ident(table_name)
                    END AS "table"
                    FROM information_schema.tables
                    WHERE quote_ident(table_schema) NOT IN ('information_schema',
                                             'pg_catalog',
                                             '_timescaledb_cache',
                                             '_timescaledb_catalog',
                                             '_timescaledb_internal',
                                             '_timescaledb_config',
                                             'timescaledb_information',
                                             'timescaledb_experimental')
                    ORDER BY CASE WHEN %1$s THEN 0 ELSE 1 END, 1""".formatted(schemaConstraint);
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            assertThat(firstColumn(statement.executeQuery(showTables))).first().isEqualTo(TABLE);
            // getSchema('otel_logs_and_spans'), verbatim
            String getSchema = """
                    SELECT quote_ident(column_name) AS "column", data_type AS "type"
                        FROM information_schema.columns
                        WHERE
                          CASE WHEN array_length(parse_ident('otel_logs_and_spans'),1) = 2
                            THEN quote_ident(table_schema) = (parse_ident('otel_logs_and_spans'))[1]
                              AND quote_ident(table_name) = (parse_ident('otel_logs_and_spans'))[2]
                            ELSE quote_ident(table_name) = 'otel_logs_and_spans'
                              AND %s
                          END""".formatted(schemaConstraint);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(getSchema)) {
                while (rows.next()) {
                    columns.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            assertThat(columns).hasSize(90).contains("\"timestamp\" timestamp with time zone", "id text", "hashes ARRAY", "body jsonb", "duration bigint");
        }
    }

    @Test
    void grafanasHealthCheckReturnsTheMajorVersionAsAnInteger()
            throws SQLException
    {
        // grafana-postgresql-datasource, CheckHealth
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int/100")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getMetaData().getColumnType(1)).isEqualTo(Types.INTEGER);
            assertThat(rows.getInt(1)).isEqualTo(1600);
        }
    }

    @Test
    void dbeaversConnectionProbesDescribeTheSession()
            throws SQLException
    {
        // DBeaver's PostgreDataSource, PostgreExecutionContext and PostgreDatabase, verbatim, through pgjdbc as DBeaver sends them
        try (Connection connection = gateway.connect()) {
            assertThat(rowsOf(connection, "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1 AND datallowconn AND NOT datistemplate \nORDER BY db.datname"))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("datname", "timefusion").containsEntry("oid", "1"));
            assertThat(rowsOf(connection, "SELECT current_database()")).containsExactly(Map.of("current_database", "timefusion"));
            assertThat(rowsOf(connection, "SELECT version()")).singleElement()
                    .satisfies(row -> assertThat(row.get("version")).startsWith("PostgreSQL 16.4 (TimeFusion"));
            assertThat(rowsOf(connection, "SHOW search_path")).containsExactly(Map.of("search_path", "\"$user\", public"));
            assertThat(rowsOf(connection, "SELECT current_schema(),session_user")).containsExactly(Map.of("current_schema", "public", "session_user", TestingGateway.USER));
            assertThat(rowsOf(connection, "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE datname=?", "timefusion"))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("encoding", "6").containsEntry("datcollate", "C"));
            assertThat(rowsOf(connection, "select * from pg_catalog.pg_settings where name=?", "standard_conforming_strings"))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("setting", "on").containsEntry("reset_val", "on"));
            assertThat(rowsOf(connection, "select * from pg_catalog.pg_settings")).extracting(row -> row.get("name"))
                    .contains("search_path", "TimeZone", "server_version_num", "application_name");
            assertThat(rowsOf(connection, "SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n\n"
                    + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0 AND d.classoid='pg_namespace'::regclass\n ORDER BY nspname"))
                    .extracting(row -> row.get("nspname")).contains("information_schema", "pg_catalog", "public");
        }
    }

    @Test
    void pgSettingsShowsTheSessionsOwnValues()
            throws SQLException
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'Europe/Paris'");
            assertThat(rowsOf(connection, "SELECT setting, reset_val, source FROM pg_settings WHERE name = 'TimeZone'"))
                    .containsExactly(Map.of("setting", "Europe/Paris", "reset_val", "UTC", "source", "session"));
        }
    }

    private static List<Map<String, String>> rowsOf(Connection connection, String sql, String... parameters)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, String>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        String value = rows.getString(column);
                        if (value != null) {
                            row.put(rows.getMetaData().getColumnName(column), value);
                        }
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    @Test
    void pgAdminsConnectionProbesSucceed()
            throws Exception
    {
        // pgAdmin 4's psycopg3 driver (web/pgadmin/utils/driver/psycopg3/connection.py), verbatim; it reads rows by column name
        ExternalProcess python = PythonClient.run(gateway, "psycopg", """
                import psycopg
                from psycopg.rows import dict_row
                with psycopg.connect(DSN, autocommit=True, row_factory=dict_row) as conn:
                    cur = conn.cursor()
                    cur.execute(
                        "SET DateStyle=ISO; "
                        "SET client_min_messages=notice; "
                        "SELECT set_config('bytea_output','hex',false) FROM pg_settings"
                        " WHERE name = 'bytea_output'; "
                        "SET client_encoding='{0}';".format('UTF8')
                    )
                    cur.execute("SELECT version()")
                    print(cur.fetchmany(1)[0]['version'].split(' (')[0])
                    cur.execute(\"\"\"
                SELECT
                    db.oid as did, db.datname, db.datallowconn,
                    pg_encoding_to_char(db.encoding) AS serverencoding,
                    has_database_privilege(db.oid, 'CREATE') as cancreate,
                    datistemplate
                FROM
                    pg_catalog.pg_database db
                WHERE db.datname = current_database()\"\"\")
                    print(cur.fetchmany(1)[0])
                    cur.execute(\"\"\"
                        SELECT
                             gss_authenticated, encrypted
                        FROM
                            pg_catalog.pg_stat_gssapi
                        WHERE pid = pg_backend_pid()\"\"\")
                    print(cur.fetchmany(1)[0])
                    cur.execute(\"\"\"
                        SELECT
                            roles.oid as id, roles.rolname as name,
                            roles.rolsuper as is_superuser,
                            CASE WHEN roles.rolsuper THEN true ELSE roles.rolcreaterole END as
                            can_create_role,
                            CASE WHEN roles.rolsuper THEN true
                            ELSE roles.rolcreatedb END as can_create_db,
                            CASE WHEN 'pg_signal_backend'=ANY(ARRAY(WITH RECURSIVE cte AS (
                            SELECT pg_roles.oid,pg_roles.rolname FROM pg_roles
                                WHERE pg_roles.oid = roles.oid
                            UNION ALL
                            SELECT m.roleid,pgr.rolname FROM cte cte_1
                                JOIN pg_auth_members m ON m.member = cte_1.oid
                                JOIN pg_roles pgr ON pgr.oid = m.roleid)
                            SELECT rolname  FROM cte)) THEN True
                            ELSE False END as can_signal_backend
                        FROM
                            pg_catalog.pg_roles as roles
                        WHERE
                            rolname = current_user\"\"\")
                    print(cur.fetchmany(1)[0])
                """);
        assertThat(python.exitCode()).as(python.stderr()).isZero();
        assertThat(python.stdout().lines().toList()).containsExactly(
                "PostgreSQL 16.4",
                "{'did': 1, 'datname': 'timefusion', 'datallowconn': True, 'serverencoding': 'UTF8', 'cancreate': True, 'datistemplate': False}",
                "{'gss_authenticated': False, 'encrypted': False}",
                "{'id': 10, 'name': '%s', 'is_superuser': False, 'can_create_role': False, 'can_create_db': False, 'can_signal_backend': False}".formatted(TestingGateway.USER));
    }
}
