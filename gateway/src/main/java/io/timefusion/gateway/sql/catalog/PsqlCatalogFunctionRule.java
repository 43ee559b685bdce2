package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.TranslationRule;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog functions psql's describe queries call: every relation is owned by one user and visible on the
 * search path, and {@code current_schemas(include_implicit)} lists the search path (with pg_catalog first when
 * implicit schemas are asked for).
 */
public final class PsqlCatalogFunctionRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        return switch (FunctionNames.of(function)) {
            case "pg_get_userbyid" -> Optional.of(new StringValue("postgres"));
            case "pg_table_is_visible" -> Optional.of(new BooleanValue(true));
            case "current_schemas" -> Optional.of(currentSchemas(function, context));
            default -> Optional.empty();
        };
    }

    private static Expression currentSchemas(Function function, TranslationContext context)
    {
        boolean implicit = function.getParameters() != null && function.getParameters().size() == 1
                && function.getParameters().get(0).toString().equalsIgnoreCase("true");
        List<StringValue> schemas = new ArrayList<>();
        if (implicit) {
            schemas.add(new StringValue("pg_catalog"));
        }
        context.searchPath().forEach(schema -> schemas.add(new StringValue(schema)));
        return new ArrayConstructor(new ExpressionList<>(schemas), true);
    }
}
