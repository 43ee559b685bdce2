package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.Optional;


/**
 * Catalog functions that describe objects the catalog has none of, so that their answer is always NULL: there are
 * no comments (pg_description is empty), no expressions (every pg_node_tree column is NULL: no defaults, partition
 * bounds or policies), no extended statistics and no functions.
 */
public final class CatalogEmptyTextRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        return switch (FunctionNames.of(function)) {
            case "col_description", "obj_description", "shobj_description", "pg_get_expr", "pg_get_statisticsobjdef_columns",
                 "pg_get_function_result", "pg_get_function_arguments", "pg_get_functiondef" -> Optional.of(Templates.expand("CAST(NULL AS varchar)"));
            default -> Optional.empty();
        };
    }
}
