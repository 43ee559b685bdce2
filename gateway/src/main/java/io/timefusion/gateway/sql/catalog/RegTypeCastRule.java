package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.timefusion.gateway.sql.catalog.CatalogExpressions.stringLiteral;

/**
 * Casts to the OID alias types. A name cast to regclass, regtype or regnamespace is the OID of the object it names,
 * computed here as the catalog computes it; an OID cast to one of them prints the object's name. regproc values are
 * the function names themselves in the emulated catalog (pg_type.typinput …), so a cast to regproc keeps the name
 * without its pg_catalog qualifier. A string cast to oid is the number it spells.
 */
public final class RegTypeCastRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof CastExpression cast) || cast.getColDataType() == null) {
            return Optional.empty();
        }
        String type = cast.getColDataType().getDataType().toLowerCase(Locale.ROOT).replace("pg_catalog.", "");
        Expression operand = cast.getLeftExpression();
        Optional<String> literal = stringLiteral(operand);
        return switch (type) {
            case "oid" -> literal.map(text -> new LongValue(Long.parseLong(text.strip())));
            case "regproc" -> Optional.of(literal.<Expression>map(name -> new StringValue(name.replaceFirst("^pg_catalog\\.", ""))).orElse(operand));
            case "regclass" -> Optional.of(literal.<Expression>map(name -> new LongValue(relationOid(name, context)))
                    .orElseGet(() -> Templates.expand("(SELECT relname FROM pg_class WHERE oid = {0})", operand)));
            case "regtype" -> Optional.of(literal.<Expression>map(name -> new LongValue(typeOid(name)))
                    .orElseGet(() -> CatalogLookupRule.typeName(operand)));
            case "regnamespace" -> Optional.of(literal.<Expression>map(name -> new LongValue(CatalogOids.namespace(name)))
                    .orElseGet(() -> Templates.expand("(SELECT nspname FROM pg_namespace WHERE oid = {0})", operand)));
            default -> Optional.empty();
        };
    }

    // an unqualified name is looked up in pg_catalog first, then on the search path, as Postgres resolves it
    private static long relationOid(String name, TranslationContext context)
    {
        int dot = name.indexOf('.');
        if (dot >= 0) {
            return CatalogOids.relation(name.substring(0, dot), name.substring(dot + 1));
        }
        if (EmulatedCatalog.emulated(PgCatalog.SCHEMA, name).isPresent()) {
            return CatalogOids.relation(PgCatalog.SCHEMA, name);
        }
        List<String> searchPath = context.searchPath();
        if (searchPath.isEmpty()) {
            throw new UnsupportedStatementException("relation \"%s\" does not exist".formatted(name));
        }
        return CatalogOids.relation(searchPath.getFirst(), name);
    }

    private static long typeOid(String name)
    {
        return CatalogTypes.byName(name.replaceFirst("^pg_catalog\\.", ""))
                .orElseThrow(() -> new UnsupportedStatementException("type \"%s\" is not one the gateway knows".formatted(name)))
                .oid();
    }
}
