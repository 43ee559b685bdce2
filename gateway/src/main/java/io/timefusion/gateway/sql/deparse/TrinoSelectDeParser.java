package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.catalog.CatalogRelation;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

import java.util.Optional;

/** Prints queries as Trino SQL: reads of emulated catalog relations become reads of their common table expressions. */
public class TrinoSelectDeParser
        extends SelectDeParser
{
    private final CatalogReferences catalog;

    TrinoSelectDeParser(CatalogReferences catalog)
    {
        this.catalog = catalog;
    }

    @Override
    public <S> StringBuilder visit(Table table, S context)
    {
        Optional<CatalogRelation> relation = catalog.resolve(Optional.ofNullable(table.getSchemaName()), table.getName());
        if (relation.isEmpty()) {
            return super.visit(table, context);
        }
        StringBuilder builder = getBuilder();
        builder.append(relation.get().cteName());
        // unaliased, the statement refers to the relation's columns by its own name
        Alias alias = table.getAlias() != null ? table.getAlias() : new Alias(table.getName(), true);
        if (!alias.getName().equalsIgnoreCase(relation.get().cteName())) {
            builder.append(alias);
        }
        return builder;
    }
}
