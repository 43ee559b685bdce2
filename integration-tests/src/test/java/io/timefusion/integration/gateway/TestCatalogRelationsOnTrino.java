package io.timefusion.integration.gateway;

import io.timefusion.gateway.server.PgTypeMapping;
import io.timefusion.gateway.sql.catalog.CatalogColumn;
import io.timefusion.gateway.sql.catalog.CatalogOids;
import io.timefusion.gateway.sql.catalog.EmulatedRelation;
import io.timefusion.gateway.sql.catalog.EmulatedCatalog;
import io.timefusion.gateway.trino.TrinoType;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every emulated catalog relation as Trino with the timefusion connector runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCatalogRelationsOnTrino
{
    private static final String TABLE = "otel_logs_and_spans";

    private DistributedQueryRunner trino;

    @BeforeAll
    void start()
            throws Exception
    {
        trino = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(Files.createTempDirectory("timefusion-catalog-test-")))
                .build();
    }

    @AfterAll
    void stop()
    {
        trino.close();
    }

    @Test
    void everyRelationRunsWithItsDeclaredColumnsAndTypes()
    {
        for (EmulatedRelation relation : EmulatedCatalog.relations()) {
            MaterializedResult result = trino.execute("SELECT * FROM (" + relation.definition() + ")");
            assertThat(result.getColumnNames()).as(relation.name()).containsExactlyElementsOf(relation.columns().stream().map(CatalogColumn::name).toList());
            assertThat(result.getTypes().stream().map(type -> type.getDisplayName()).toList()).as(relation.name())
                    .containsExactlyElementsOf(relation.columns().stream().map(CatalogColumn::trinoType).toList());
        }
    }

    @Test
    void pgClassNamesTheTableWithItsStableOid()
    {
        MaterializedResult rows = query("pg_catalog", "pg_class", "SELECT oid, relnamespace, relkind, relnatts FROM pg_class WHERE relname = '" + TABLE + "'");
        assertThat(rows.getMaterializedRows()).singleElement()
                .extracting(MaterializedRow::getFields)
                .isEqualTo(List.of(CatalogOids.relation("public", TABLE), CatalogOids.PUBLIC_NAMESPACE, "r", (short) 90));
    }

    @Test
    void pgAttributeTypesEveryColumnAsTheWireProtocolSendsIt()
    {
        Map<String, Integer> wireTypes = trino.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '" + TABLE + "'")
                .getMaterializedRows().stream()
                .collect(Collectors.toMap(row -> (String) row.getField(0), row -> PgTypeMapping.forTrino(TrinoType.parse((String) row.getField(1))).oid()));
        MaterializedResult attributes = query("pg_catalog", "pg_attribute",
                "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %d ORDER BY attnum".formatted(CatalogOids.relation("public", TABLE)));
        assertThat(attributes.getMaterializedRows()).hasSize(90);
        assertThat(attributes.getMaterializedRows().stream().collect(Collectors.toMap(row -> (String) row.getField(0), row -> (Integer) row.getField(1))))
                .isEqualTo(wireTypes);
    }

    @Test
    void pgAttributeMarksTheNotNullColumns()
    {
        MaterializedResult rows = query("pg_catalog", "pg_attribute", "SELECT attname FROM pg_attribute WHERE attnotnull ORDER BY attname");
        assertThat(rows.getOnlyColumnAsSet()).contains("id", "timestamp", "project_id").doesNotContain("body", "hashes");
    }

    @Test
    void informationSchemaColumnsNamesPostgresTypes()
    {
        MaterializedResult rows = query("information_schema", "columns",
                "SELECT column_name, data_type, udt_name FROM columns WHERE table_name = '%s' AND column_name IN ('timestamp', 'id', 'hashes', 'body', 'duration', 'date', 'context___is_remote', 'severity___severity_number') ORDER BY column_name"
                        .formatted(TABLE));
        assertThat(rows.getMaterializedRows().stream().map(row -> row.getFields().stream().map(String::valueOf).collect(Collectors.joining("|"))).toList())
                .containsExactly(
                        "body|jsonb|jsonb",
                        "context___is_remote|boolean|bool",
                        "date|date|date",
                        "duration|bigint|int8",
                        "hashes|ARRAY|_text",
                        "id|text|text",
                        "severity___severity_number|integer|int4",
                        "timestamp|timestamp with time zone|timestamptz");
    }

    @Test
    void informationSchemaTablesListsTheTableButNotTrinosOwnInformationSchema()
    {
        MaterializedResult rows = query("information_schema", "tables", "SELECT table_schema || '.' || table_name || ' ' || table_type FROM tables");
        assertThat(rows.getOnlyColumnAsSet()).contains("public." + TABLE + " BASE TABLE").noneMatch(name -> ((String) name).startsWith("information_schema."));
    }

    @Test
    void pgTypeDescribesArraysAsPgjdbcExpects()
    {
        MaterializedResult rows = query("pg_catalog", "pg_type", "SELECT typinput, typelem, typcategory FROM pg_type WHERE typname = '_text'");
        assertThat(rows.getMaterializedRows()).singleElement().extracting(MaterializedRow::getFields).isEqualTo(List.of("array_in", 25, "A"));
    }

    @Test
    void theOnlyRoleIsTheConnectedUser()
    {
        MaterializedResult rows = query("pg_catalog", "pg_roles", "SELECT rolname, oid FROM pg_roles");
        assertThat(rows.getMaterializedRows()).singleElement().extracting(MaterializedRow::getFields).isEqualTo(List.of("user", CatalogOids.SESSION_ROLE));
    }

    private MaterializedResult query(String schema, String relation, String sql)
    {
        String definition = EmulatedCatalog.emulated(schema, relation).orElseThrow().definition();
        return trino.execute("WITH " + relation + " AS (" + definition + ") " + sql);
    }
}
