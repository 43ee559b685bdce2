package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.pgwire.types.PgType;

import static java.util.Objects.requireNonNull;

/**
 * A type the gateway speaks as Postgres' pg_type describes it: the wire protocol's {@link PgType} with the catalog
 * attributes Postgres 15 gives it.
 *
 * @param sqlName what {@code format_type(oid, NULL)} prints, e.g. {@code timestamp with time zone}, {@code text[]}
 */
public record CatalogType(PgType<?> type, String category, boolean preferred, String align, String storage,
        String input, String output, String receive, String send, int collation, String sqlName)
{
    public CatalogType
    {
        requireNonNull(type, "type is null");
        requireNonNull(sqlName, "sqlName is null");
    }

    public int oid()
    {
        return type.oid();
    }

    public String name()
    {
        return type.name();
    }

    /** pg_type.typbyval: values of at most 8 bytes are passed by value. */
    public boolean byValue()
    {
        return type.typeLength() > 0 && type.typeLength() <= 8;
    }

    public boolean isArray()
    {
        return type.elementOid() != 0;
    }
}
