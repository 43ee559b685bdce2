package io.timefusion.gateway.sql.catalog;

import java.util.List;

import static io.timefusion.gateway.pgwire.types.PgType.DATE;
import static io.timefusion.gateway.pgwire.types.PgType.FLOAT4;
import static io.timefusion.gateway.pgwire.types.PgType.FLOAT8;
import static io.timefusion.gateway.pgwire.types.PgType.INT2;
import static io.timefusion.gateway.pgwire.types.PgType.INT4;
import static io.timefusion.gateway.pgwire.types.PgType.INT8;
import static io.timefusion.gateway.pgwire.types.PgType.INTERVAL;
import static io.timefusion.gateway.pgwire.types.PgType.NUMERIC;
import static io.timefusion.gateway.pgwire.types.PgType.TIME;
import static io.timefusion.gateway.pgwire.types.PgType.TIMESTAMP;
import static io.timefusion.gateway.pgwire.types.PgType.TIMESTAMPTZ;
import static io.timefusion.gateway.sql.catalog.EmulatedRelation.empty;
import static io.timefusion.gateway.sql.catalog.EmulatedRelation.withRows;

/**
 * The information_schema views clients read (Grafana's pickers, DBeaver), with Postgres 15's columns and
 * Postgres' type names: Trino's own information_schema says {@code varchar} and {@code timestamp(6) with time zone}
 * where a Postgres client expects {@code text} and {@code timestamp with time zone}. Trino's information_schema
 * itself is left out, as Postgres lists pg_catalog's tables only to their owner.
 */
final class InformationSchema
{
    static final String SCHEMA = "information_schema";

    private InformationSchema() {}

    static List<EmulatedRelation> relations()
    {
        return List.of(
                withRows(SCHEMA, "schemata", """
                                SELECT current_catalog AS catalog_name, schema_name, current_user AS schema_owner, NULL AS default_character_set_catalog,
                                    NULL AS default_character_set_schema, NULL AS default_character_set_name, NULL AS sql_path
                                FROM (SELECT schema_name FROM information_schema.schemata UNION SELECT 'pg_catalog')""",
                        "catalog_name name", "schema_name name", "schema_owner name", "default_character_set_catalog name",
                        "default_character_set_schema name", "default_character_set_name name", "sql_path character varying"),
                withRows(SCHEMA, "tables", """
                                SELECT current_catalog AS table_catalog, table_schema, table_name, table_type, NULL AS self_referencing_column_name,
                                    NULL AS reference_generation, NULL AS user_defined_type_catalog, NULL AS user_defined_type_schema,
                                    NULL AS user_defined_type_name, CASE table_type WHEN 'BASE TABLE' THEN 'YES' ELSE 'NO' END AS is_insertable_into,
                                    'NO' AS is_typed, NULL AS commit_action
                                FROM information_schema.tables WHERE table_schema <> 'information_schema'""",
                        "table_catalog name", "table_schema name", "table_name name", "table_type character varying",
                        "self_referencing_column_name name", "reference_generation character varying", "user_defined_type_catalog name",
                        "user_defined_type_schema name", "user_defined_type_name name", "is_insertable_into character varying",
                        "is_typed character varying", "commit_action character varying"),
                withRows(SCHEMA, "columns", columnsRows(),
                        "table_catalog name", "table_schema name", "table_name name", "column_name name", "ordinal_position integer",
                        "column_default character varying", "is_nullable character varying", "data_type character varying",
                        "character_maximum_length integer", "character_octet_length integer", "numeric_precision integer",
                        "numeric_precision_radix integer", "numeric_scale integer", "datetime_precision integer", "interval_type character varying",
                        "interval_precision integer", "character_set_catalog name", "character_set_schema name", "character_set_name name",
                        "collation_catalog name", "collation_schema name", "collation_name name", "domain_catalog name", "domain_schema name",
                        "domain_name name", "udt_catalog name", "udt_schema name", "udt_name name", "scope_catalog name", "scope_schema name",
                        "scope_name name", "maximum_cardinality integer", "dtd_identifier name", "is_self_referencing character varying",
                        "is_identity character varying", "identity_generation character varying", "identity_start character varying",
                        "identity_increment character varying", "identity_maximum character varying", "identity_minimum character varying",
                        "identity_cycle character varying", "is_generated character varying", "generation_expression character varying",
                        "is_updatable character varying"),
                withRows(SCHEMA, "views", """
                                SELECT current_catalog AS table_catalog, table_schema, table_name, view_definition, 'NONE' AS check_option,
                                    'NO' AS is_updatable, 'NO' AS is_insertable_into, 'NO' AS is_trigger_updatable, 'NO' AS is_trigger_deletable,
                                    'NO' AS is_trigger_insertable_into
                                FROM information_schema.views WHERE table_schema <> 'information_schema'""",
                        "table_catalog name", "table_schema name", "table_name name", "view_definition character varying",
                        "check_option character varying", "is_updatable character varying", "is_insertable_into character varying",
                        "is_trigger_updatable character varying", "is_trigger_deletable character varying",
                        "is_trigger_insertable_into character varying"),
                // no primary, unique, foreign-key or check constraints
                empty(SCHEMA, "table_constraints", "constraint_catalog name", "constraint_schema name", "constraint_name name", "table_catalog name",
                        "table_schema name", "table_name name", "constraint_type character varying", "is_deferrable character varying",
                        "initially_deferred character varying", "enforced character varying", "nulls_distinct character varying"),
                empty(SCHEMA, "key_column_usage", "constraint_catalog name", "constraint_schema name", "constraint_name name", "table_catalog name",
                        "table_schema name", "table_name name", "column_name name", "ordinal_position integer", "position_in_unique_constraint integer"));
    }

    // precision, radix, scale and datetime precision as Postgres' information_schema derives them from the type
    private static String columnsRows()
    {
        return """
                SELECT current_catalog AS table_catalog, c.table_schema, c.table_name, c.column_name, c.ordinal_position, NULL AS column_default,
                    c.is_nullable, CASE WHEN c.is_array THEN 'ARRAY' ELSE c.sql_name END AS data_type, NULL AS character_maximum_length,
                    CASE WHEN c.typcollation <> 0 THEN 1073741824 END AS character_octet_length,
                    CASE c.oid WHEN %1$d THEN 16 WHEN %2$d THEN 32 WHEN %3$d THEN 64 WHEN %4$d THEN 24 WHEN %5$d THEN 53 END AS numeric_precision,
                    CASE WHEN c.oid IN (%1$d, %2$d, %3$d, %4$d, %5$d) THEN 2 WHEN c.oid = %6$d THEN 10 END AS numeric_precision_radix,
                    CASE WHEN c.oid IN (%1$d, %2$d, %3$d) THEN 0 END AS numeric_scale,
                    CASE WHEN c.oid = %7$d THEN 0 WHEN c.oid IN (%8$d, %9$d, %10$d, %11$d) THEN 6 END AS datetime_precision, NULL AS interval_type,
                    NULL AS interval_precision, NULL AS character_set_catalog, NULL AS character_set_schema, NULL AS character_set_name,
                    NULL AS collation_catalog, NULL AS collation_schema, NULL AS collation_name, NULL AS domain_catalog, NULL AS domain_schema,
                    NULL AS domain_name, current_catalog AS udt_catalog, 'pg_catalog' AS udt_schema, c.typname AS udt_name, NULL AS scope_catalog,
                    NULL AS scope_schema, NULL AS scope_name, NULL AS maximum_cardinality, CAST(c.ordinal_position AS varchar) AS dtd_identifier,
                    'NO' AS is_self_referencing, 'NO' AS is_identity, NULL AS identity_generation, NULL AS identity_start, NULL AS identity_increment,
                    NULL AS identity_maximum, NULL AS identity_minimum, 'NO' AS identity_cycle, 'NEVER' AS is_generated, NULL AS generation_expression,
                    'YES' AS is_updatable
                FROM (%12$s) AS c""".formatted(INT2.oid(), INT4.oid(), INT8.oid(), FLOAT4.oid(), FLOAT8.oid(), NUMERIC.oid(), DATE.oid(),
                TIME.oid(), TIMESTAMP.oid(), TIMESTAMPTZ.oid(), INTERVAL.oid(), TableColumns.query());
    }
}
