package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.pgwire.types.PgType;
import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.create.table.ColDataType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code x::type} and {@code CAST(x AS type)} with Postgres type names become Trino casts. Literal text is read
 * as Postgres reads it: {@code '1 hour'::interval} is an interval literal, {@code '{a,b}'::text[]} an array,
 * {@code '2026-01-01 00:00:00+00'::timestamptz} a timestamp literal, {@code '{"a":1}'::jsonb} parsed JSON.
 * Literal uuid text is read as Postgres' uuid_in reads it (without hyphens, in braces, in upper case) and written
 * in the canonical form, the only one Trino's cast accepts. A uuid stays a uuid ({@link UuidComparisonRule} compares
 * it with the table's varchar ids).
 */
public final class CastRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof CastExpression cast) || cast.getColDataType() == null || TrinoTypeName.isTrinoCast(cast) || cast.isImplicitCast() && isTrinoTypedLiteral(cast)) {
            return Optional.empty();
        }
        ColDataType type = cast.getColDataType();
        Expression value = cast.getLeftExpression();
        String base = PostgresTypes.baseName(type);
        if (cast.isImplicitCast() && (base.equals("numeric") || base.equals("decimal")) && isBare(type) && value instanceof StringValue text) {
            // NUMERIC '12.34' keeps the scale it is written with, as Trino's DECIMAL literal does (a cast would give scale 9)
            return Optional.of(typedLiteral("DECIMAL", text.getValue().replace("''", "'")));
        }
        if (PostgresTypes.isArray(type) && value instanceof StringValue text) {
            return Optional.of(ArrayLiterals.of(text.getValue().replace("''", "'"), PostgresTypes.trino(type)));
        }
        if (base.equals("interval")) {
            if (value instanceof StringValue text) {
                return Optional.of(Intervals.literal(text.getValue()));
            }
            throw new UnsupportedStatementException("cast of %s to interval is not supported; write an interval literal".formatted(value));
        }
        if (PostgresTypes.isArray(type)) {
            return Optional.of(cast(value, PostgresTypes.trino(type)));
        }
        return Optional.of(switch (base) {
            case "uuid" -> value instanceof StringValue text ? cast(new StringValue(canonicalUuid(text.getValue())), "uuid") : cast(value, "uuid");
            case "json", "jsonb" -> value instanceof StringValue || value instanceof JdbcParameter ? new Function("json_parse", value) : cast(value, "json");
            // text without a zone is in the session's, not Trino's (UTC)
            case "timestamptz", "timestamp with time zone" -> value instanceof StringValue text
                    ? TimestampLiterals.withTimeZone(text.getValue(), context.timeZone()).<Expression>map(literal -> typedLiteral("TIMESTAMP", literal))
                            .orElseGet(() -> cast(value, PostgresTypes.trino(type)))
                    : cast(value, PostgresTypes.trino(type));
            default -> cast(value, PostgresTypes.trino(type));
        });
    }

    /**
     * A typed literal ({@code type 'text'}) that Trino reads as Postgres does: DATE, TIME and TIMESTAMP without a
     * zone. Every other one (TIMESTAMPTZ, INT, TEXT, UUID, BOOLEAN, INTERVAL, …) is read like {@code 'text'::type}, but
     * for a bare NUMERIC or DECIMAL, which keeps its written scale.
     */
    private static boolean isTrinoTypedLiteral(CastExpression cast)
    {
        String type = cast.getColDataType().getDataType().toLowerCase(Locale.ROOT);
        return type.equals("date") || type.equals("time") || type.equals("timestamp");
    }

    private static boolean isBare(ColDataType type)
    {
        // JSqlParser keeps written modifiers in the arguments or in the type's name
        return (type.getArgumentsStringList() == null || type.getArgumentsStringList().isEmpty()) && !type.getDataType().contains("(");
    }

    private static String canonicalUuid(String text)
    {
        return PgType.UUID_TYPE.decodeText(text.replace("''", "'").getBytes(StandardCharsets.UTF_8)).toString();
    }

    static CastExpression cast(Expression value, String trinoType)
    {
        CastExpression cast = new CastExpression("CAST", value, trinoType);
        cast.setColDataType(new TrinoTypeName(trinoType));
        return cast;
    }

    static Expression typedLiteral(String type, String text)
    {
        return new CastExpression(new ColDataType(type), SqlLiterals.string(text));
    }
}
