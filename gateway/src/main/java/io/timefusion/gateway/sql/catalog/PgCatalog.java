package io.timefusion.gateway.sql.catalog;

import java.util.List;
import java.util.stream.Collectors;

import static io.timefusion.gateway.sql.catalog.CatalogOids.DATABASE;
import static io.timefusion.gateway.sql.catalog.CatalogOids.DEFAULT_COLLATION;
import static io.timefusion.gateway.sql.catalog.CatalogOids.HEAP_ACCESS_METHOD;
import static io.timefusion.gateway.sql.catalog.CatalogOids.PG_CATALOG_NAMESPACE;
import static io.timefusion.gateway.sql.catalog.CatalogOids.SESSION_ROLE;
import static io.timefusion.gateway.sql.catalog.EmulatedRelation.empty;
import static io.timefusion.gateway.sql.catalog.EmulatedRelation.withRows;

/**
 * The pg_catalog relations clients read, with Postgres 15's columns. Tables, columns and schemas come from Trino's
 * information_schema for the session's catalog; types from {@link CatalogTypes}; the connected user is the one
 * role and owns everything. Relations describing features TimeFusion does not have are empty, because empty is
 * the truth: there are no indexes, constraints, defaults, policies, triggers, rules, inheritance, publications,
 * extended statistics, extensions, comments or role memberships.
 */
final class PgCatalog
{
    static final String SCHEMA = "pg_catalog";
    private static final int COLLATION_C = 950;
    private static final int UTF8_ENCODING = 6;
    private static final int DEFAULT_TABLESPACE = 1663;
    private static final int GLOBAL_TABLESPACE = 1664;

    private PgCatalog() {}

    static List<EmulatedRelation> relations()
    {
        return List.of(
                withRows(SCHEMA, "pg_namespace", """
                                SELECT %s AS oid, schema_name AS nspname, %d AS nspowner, NULL AS nspacl
                                FROM (SELECT schema_name FROM information_schema.schemata UNION SELECT 'pg_catalog')"""
                                .formatted(CatalogOids.namespaceSql("schema_name"), SESSION_ROLE),
                        "oid oid", "nspname name", "nspowner oid", "nspacl aclitem[]"),
                withRows(SCHEMA, "pg_class", pgClassRows(),
                        "oid oid", "relname name", "relnamespace oid", "reltype oid", "reloftype oid", "relowner oid", "relam oid", "relfilenode oid",
                        "reltablespace oid", "relpages integer", "reltuples real", "relallvisible integer", "reltoastrelid oid", "relhasindex boolean",
                        "relisshared boolean", "relpersistence \"char\"", "relkind \"char\"", "relnatts smallint", "relchecks smallint", "relhasrules boolean",
                        "relhastriggers boolean", "relhassubclass boolean", "relrowsecurity boolean", "relforcerowsecurity boolean", "relispopulated boolean",
                        "relreplident \"char\"", "relispartition boolean", "relrewrite oid", "relfrozenxid xid", "relminmxid xid", "relacl aclitem[]",
                        "reloptions text[]", "relpartbound pg_node_tree"),
                withRows(SCHEMA, "pg_attribute", pgAttributeRows(),
                        "attrelid oid", "attname name", "atttypid oid", "attstattarget integer", "attlen smallint", "attnum smallint", "attndims integer",
                        "attcacheoff integer", "atttypmod integer", "attbyval boolean", "attalign \"char\"", "attstorage \"char\"", "attcompression \"char\"",
                        "attnotnull boolean", "atthasdef boolean", "atthasmissing boolean", "attidentity \"char\"", "attgenerated \"char\"",
                        "attisdropped boolean", "attislocal boolean", "attinhcount integer", "attcollation oid", "attacl aclitem[]", "attoptions text[]",
                        "attfdwoptions text[]", "attmissingval anyarray"),
                withRows(SCHEMA, "pg_type", pgTypeRows(),
                        "oid oid", "typname name", "typnamespace oid", "typowner oid", "typlen smallint", "typbyval boolean", "typtype \"char\"",
                        "typcategory \"char\"", "typispreferred boolean", "typisdefined boolean", "typdelim \"char\"", "typrelid oid", "typsubscript regproc",
                        "typelem oid", "typarray oid", "typinput regproc", "typoutput regproc", "typreceive regproc", "typsend regproc", "typmodin regproc",
                        "typmodout regproc", "typanalyze regproc", "typalign \"char\"", "typstorage \"char\"", "typnotnull boolean", "typbasetype oid",
                        "typtypmod integer", "typndims integer", "typcollation oid", "typdefaultbin pg_node_tree", "typdefault text", "typacl aclitem[]"),
                withRows(SCHEMA, "pg_am", "SELECT * FROM (VALUES (%d, 'heap', 'heap_tableam_handler', 't')) AS t(oid, amname, amhandler, amtype)"
                                .formatted(HEAP_ACCESS_METHOD),
                        "oid oid", "amname name", "amhandler regproc", "amtype \"char\""),
                withRows(SCHEMA, "pg_collation", """
                                SELECT *, NULL AS colliculocale, NULL AS collversion
                                FROM (VALUES (%d, 'default', %d, %d, 'd', true, -1, NULL, NULL), (%d, 'C', %d, %d, 'c', true, -1, 'C', 'C'))
                                    AS t(oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding, collcollate, collctype)"""
                                .formatted(DEFAULT_COLLATION, PG_CATALOG_NAMESPACE, SESSION_ROLE, COLLATION_C, PG_CATALOG_NAMESPACE, SESSION_ROLE),
                        "oid oid", "collname name", "collnamespace oid", "collowner oid", "collprovider \"char\"", "collisdeterministic boolean",
                        "collencoding integer", "collcollate text", "collctype text", "colliculocale text", "collversion text"),
                // the connected user, who is every Trino session's user, is the only role
                withRows(SCHEMA, "pg_roles", """
                                SELECT current_user AS rolname, false AS rolsuper, true AS rolinherit, false AS rolcreaterole, false AS rolcreatedb,
                                    true AS rolcanlogin, false AS rolreplication, -1 AS rolconnlimit, '********' AS rolpassword, NULL AS rolvaliduntil,
                                    false AS rolbypassrls, NULL AS rolconfig, %d AS oid""".formatted(SESSION_ROLE),
                        "rolname name", "rolsuper boolean", "rolinherit boolean", "rolcreaterole boolean", "rolcreatedb boolean", "rolcanlogin boolean",
                        "rolreplication boolean", "rolconnlimit integer", "rolpassword text", "rolvaliduntil timestamp with time zone",
                        "rolbypassrls boolean", "rolconfig text[]", "oid oid"),
                // the session's Trino catalog is the one database; Trino compares text by code point, as collation C does
                withRows(SCHEMA, "pg_database", """
                                SELECT %d AS oid, current_catalog AS datname, %d AS datdba, %d AS encoding, 'c' AS datlocprovider, false AS datistemplate,
                                    true AS datallowconn, -1 AS datconnlimit, 0 AS datfrozenxid, 0 AS datminmxid, %d AS dattablespace, 'C' AS datcollate,
                                    'C' AS datctype, NULL AS daticulocale, NULL AS datcollversion, NULL AS datacl"""
                                .formatted(DATABASE, SESSION_ROLE, UTF8_ENCODING, DEFAULT_TABLESPACE),
                        "oid oid", "datname name", "datdba oid", "encoding integer", "datlocprovider \"char\"", "datistemplate boolean",
                        "datallowconn boolean", "datconnlimit integer", "datfrozenxid xid", "datminmxid xid", "dattablespace oid", "datcollate text",
                        "datctype text", "daticulocale text", "datcollversion text", "datacl aclitem[]"),
                withRows(SCHEMA, "pg_tablespace", """
                                SELECT *, NULL AS spcacl, NULL AS spcoptions
                                FROM (VALUES (%d, 'pg_default', %d), (%d, 'pg_global', %d)) AS t(oid, spcname, spcowner)"""
                                .formatted(DEFAULT_TABLESPACE, SESSION_ROLE, GLOBAL_TABLESPACE, SESSION_ROLE),
                        "oid oid", "spcname name", "spcowner oid", "spcacl aclitem[]", "spcoptions text[]"),
                // one role: nobody is a member of another
                empty(SCHEMA, "pg_auth_members", "roleid oid", "member oid", "grantor oid", "admin_option boolean"),
                // no column has a default
                empty(SCHEMA, "pg_attrdef", "oid oid", "adrelid oid", "adnum smallint", "adbin pg_node_tree"),
                // no object carries a comment
                empty(SCHEMA, "pg_description", "objoid oid", "classoid oid", "objsubid integer", "description text"),
                empty(SCHEMA, "pg_shdescription", "objoid oid", "classoid oid", "description text"),
                // no row-level security
                empty(SCHEMA, "pg_policy", "oid oid", "polname name", "polrelid oid", "polcmd \"char\"", "polpermissive boolean", "polroles oid[]",
                        "polqual pg_node_tree", "polwithcheck pg_node_tree"),
                // no extended statistics
                empty(SCHEMA, "pg_statistic_ext", "oid oid", "stxrelid oid", "stxname name", "stxnamespace oid", "stxowner oid", "stxstattarget integer",
                        "stxkeys int2vector", "stxkind \"char\"[]", "stxexprs pg_node_tree"),
                // no logical replication
                empty(SCHEMA, "pg_publication", "oid oid", "pubname name", "pubowner oid", "puballtables boolean", "pubinsert boolean",
                        "pubupdate boolean", "pubdelete boolean", "pubtruncate boolean", "pubviaroot boolean"),
                empty(SCHEMA, "pg_publication_namespace", "oid oid", "pnpubid oid", "pnnspid oid"),
                empty(SCHEMA, "pg_publication_rel", "oid oid", "prpubid oid", "prrelid oid", "prqual pg_node_tree", "prattrs int2vector"),
                // no table inherits from another or is a partition of one
                empty(SCHEMA, "pg_inherits", "inhrelid oid", "inhparent oid", "inhseqno integer", "inhdetachpending boolean"),
                // no indexes: Delta tables are pruned by partition and file statistics instead
                empty(SCHEMA, "pg_index", "indexrelid oid", "indrelid oid", "indnatts smallint", "indnkeyatts smallint", "indisunique boolean",
                        "indnullsnotdistinct boolean", "indisprimary boolean", "indisexclusion boolean", "indimmediate boolean", "indisclustered boolean",
                        "indisvalid boolean", "indcheckxmin boolean", "indisready boolean", "indislive boolean", "indisreplident boolean",
                        "indkey int2vector", "indcollation oidvector", "indclass oidvector", "indoption int2vector", "indexprs pg_node_tree",
                        "indpred pg_node_tree"),
                // no primary, unique, foreign-key or check constraints (NOT NULL is pg_attribute.attnotnull in Postgres 15)
                empty(SCHEMA, "pg_constraint", "oid oid", "conname name", "connamespace oid", "contype \"char\"", "condeferrable boolean",
                        "condeferred boolean", "convalidated boolean", "conrelid oid", "contypid oid", "conindid oid", "conparentid oid", "confrelid oid",
                        "confupdtype \"char\"", "confdeltype \"char\"", "confmatchtype \"char\"", "conislocal boolean", "coninhcount integer",
                        "connoinherit boolean", "conkey smallint[]", "confkey smallint[]", "conpfeqop oid[]", "conppeqop oid[]", "conffeqop oid[]",
                        "confdelsetcols smallint[]", "conexclop oid[]", "conbin pg_node_tree"),
                empty(SCHEMA, "pg_trigger", "oid oid", "tgrelid oid", "tgparentid oid", "tgname name", "tgfoid oid", "tgtype smallint", "tgenabled \"char\"",
                        "tgisinternal boolean", "tgconstrrelid oid", "tgconstrindid oid", "tgconstraint oid", "tgdeferrable boolean",
                        "tginitdeferred boolean", "tgnargs smallint", "tgattr int2vector", "tgargs bytea", "tgqual pg_node_tree", "tgoldtable name",
                        "tgnewtable name"),
                // no rewrite rules: Trino views are not Postgres rules
                empty(SCHEMA, "pg_rewrite", "oid oid", "rulename name", "ev_class oid", "ev_type \"char\"", "ev_enabled \"char\"", "is_instead boolean",
                        "ev_qual pg_node_tree", "ev_action pg_node_tree"),
                // no extensions are installed (TimescaleDB's functions are Trino functions of the plugin)
                empty(SCHEMA, "pg_extension", "oid oid", "extname name", "extowner oid", "extnamespace oid", "extrelocatable boolean", "extversion text",
                        "extconfig oid[]", "extcondition text[]"),
                // no user-defined functions; Trino's built-in functions are not Postgres procedures and are not listed
                empty(SCHEMA, "pg_proc", "oid oid", "proname name", "pronamespace oid", "proowner oid", "prolang oid", "procost real", "prorows real",
                        "provariadic oid", "prosupport regproc", "prokind \"char\"", "prosecdef boolean", "proleakproof boolean", "proisstrict boolean",
                        "proretset boolean", "provolatile \"char\"", "proparallel \"char\"", "pronargs smallint", "pronargdefaults smallint",
                        "prorettype oid", "proargtypes oidvector", "proallargtypes oid[]", "proargmodes \"char\"[]", "proargnames text[]",
                        "proargdefaults pg_node_tree", "protrftypes oid[]", "prosrc text", "probin text", "prosqlbody pg_node_tree", "proconfig text[]",
                        "proacl aclitem[]"));
    }

    private static String pgClassRows()
    {
        return """
                SELECT %s AS oid, t.table_name AS relname, %s AS relnamespace, 0 AS reltype, 0 AS reloftype, %d AS relowner,
                    CASE t.table_type WHEN 'VIEW' THEN 0 ELSE %d END AS relam, 0 AS relfilenode, 0 AS reltablespace, 0 AS relpages, -1 AS reltuples,
                    0 AS relallvisible, 0 AS reltoastrelid, false AS relhasindex, false AS relisshared, 'p' AS relpersistence,
                    CASE t.table_type WHEN 'VIEW' THEN 'v' ELSE 'r' END AS relkind, a.relnatts, 0 AS relchecks, false AS relhasrules,
                    false AS relhastriggers, false AS relhassubclass, false AS relrowsecurity, false AS relforcerowsecurity, true AS relispopulated,
                    CASE t.table_type WHEN 'VIEW' THEN 'n' ELSE 'd' END AS relreplident, false AS relispartition, 0 AS relrewrite,
                    0 AS relfrozenxid, 0 AS relminmxid, NULL AS relacl, NULL AS reloptions, NULL AS relpartbound
                FROM information_schema.tables AS t
                LEFT JOIN (SELECT table_schema, table_name, count(*) AS relnatts FROM information_schema.columns GROUP BY table_schema, table_name) AS a
                    ON a.table_schema = t.table_schema AND a.table_name = t.table_name
                WHERE t.table_schema <> 'information_schema'"""
                .formatted(CatalogOids.relationSql("t.table_schema", "t.table_name"), CatalogOids.namespaceSql("t.table_schema"), SESSION_ROLE,
                        HEAP_ACCESS_METHOD);
    }

    private static String pgAttributeRows()
    {
        return """
                SELECT %s AS attrelid, c.column_name AS attname, c.oid AS atttypid, -1 AS attstattarget, c.typlen AS attlen,
                    c.ordinal_position AS attnum, CASE WHEN c.is_array THEN 1 ELSE 0 END AS attndims, -1 AS attcacheoff, -1 AS atttypmod,
                    c.typbyval AS attbyval, c.typalign AS attalign, c.typstorage AS attstorage, '' AS attcompression, c.is_nullable = 'NO' AS attnotnull,
                    false AS atthasdef, false AS atthasmissing, '' AS attidentity, '' AS attgenerated, false AS attisdropped, true AS attislocal,
                    0 AS attinhcount, c.typcollation AS attcollation, NULL AS attacl, NULL AS attoptions, NULL AS attfdwoptions, NULL AS attmissingval
                FROM (%s) AS c""".formatted(CatalogOids.relationSql("c.table_schema", "c.table_name"), TableColumns.query());
    }

    private static String pgTypeRows()
    {
        String rows = CatalogTypes.all().stream()
                .map(type -> "(%d, '%s', %d, %s, '%s', %s, %d, %d, '%s', '%s', '%s', '%s', '%s', '%s', '%s', %d)".formatted(
                        type.oid(), type.name(), type.type().typeLength(), type.byValue(), type.category(), type.preferred(),
                        type.type().elementOid(), type.type().arrayTypeOid(), type.input(), type.output(), type.receive(), type.send(),
                        type.isArray() ? "array_subscript_handler" : "-", type.align(), type.storage(), type.collation()))
                .collect(Collectors.joining(", "));
        return """
                SELECT oid, typname, %d AS typnamespace, %d AS typowner, typlen, typbyval, CASE WHEN oid = 705 THEN 'p' ELSE 'b' END AS typtype,
                    typcategory, typispreferred, true AS typisdefined, ',' AS typdelim, 0 AS typrelid, typsubscript, typelem, typarray, typinput,
                    typoutput, typreceive, typsend, '-' AS typmodin, '-' AS typmodout, '-' AS typanalyze, typalign, typstorage, false AS typnotnull,
                    0 AS typbasetype, -1 AS typtypmod, 0 AS typndims, typcollation, NULL AS typdefaultbin, NULL AS typdefault, NULL AS typacl
                FROM (VALUES %s) AS t(oid, typname, typlen, typbyval, typcategory, typispreferred, typelem, typarray, typinput, typoutput, typreceive,
                    typsend, typsubscript, typalign, typstorage, typcollation)""".formatted(PG_CATALOG_NAMESPACE, SESSION_ROLE, rows);
    }
}
