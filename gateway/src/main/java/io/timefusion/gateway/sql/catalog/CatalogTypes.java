package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.pgwire.types.PgType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The rows of pg_type: every type of {@link PgType#all()}, with the attributes Postgres 15 reports for it, read
 * from pg_type.tsv (captured from a real PostgreSQL 15) so that typinput, typcategory, format_type names … are
 * Postgres' own rather than guessed.
 */
public final class CatalogTypes
{
    private static final List<CatalogType> ALL = load();
    private static final Map<Integer, CatalogType> BY_OID = ALL.stream().collect(Collectors.toUnmodifiableMap(CatalogType::oid, Function.identity()));

    private CatalogTypes() {}

    public static List<CatalogType> all()
    {
        return ALL;
    }

    public static CatalogType of(PgType<?> type)
    {
        return BY_OID.get(type.oid());
    }

    public static Optional<CatalogType> byOid(int oid)
    {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /** By pg_type.typname ({@code int4}, {@code _text}) or by the name format_type prints ({@code integer}, {@code text[]}). */
    public static Optional<CatalogType> byName(String name)
    {
        return ALL.stream().filter(type -> type.name().equals(name) || type.sqlName().equals(name)).findFirst();
    }

    private static List<CatalogType> load()
    {
        Map<Integer, String[]> attributes;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                requireNonNull(CatalogTypes.class.getResourceAsStream("pg_type.tsv"), "pg_type.tsv is missing"), UTF_8))) {
            attributes = reader.lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .collect(Collectors.toUnmodifiableMap(fields -> Integer.parseInt(fields[0]), Function.identity()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PgType.all().stream()
                .map(type -> {
                    String[] fields = requireNonNull(attributes.get(type.oid()), () -> "pg_type.tsv has no row for " + type.name());
                    return new CatalogType(type, fields[1], fields[2].equals("t"), fields[3], fields[4], fields[5], fields[6], fields[7], fields[8],
                            Integer.parseInt(fields[9]), fields[10]);
                })
                .toList();
    }
}
