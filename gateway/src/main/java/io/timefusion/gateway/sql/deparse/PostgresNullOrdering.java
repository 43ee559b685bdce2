package io.timefusion.gateway.sql.deparse;

import net.sf.jsqlparser.statement.select.OrderByElement;

import java.util.List;

/**
 * Postgres sorts NULL as larger than any value: {@code ORDER BY x} puts NULLs last and {@code ORDER BY x DESC} puts
 * them first. Trino puts them last both ways, so a descending sort key without NULLS FIRST/LAST gets an explicit
 * NULLS FIRST: in a query's ORDER BY, after set operations, in window and named-window ORDER BY, in an aggregate's
 * ORDER BY and for DISTINCT ON. An ascending key already sorts alike in both.
 */
final class PostgresNullOrdering
{
    private PostgresNullOrdering() {}

    static void keep(List<OrderByElement> elements)
    {
        if (elements == null) {
            return;
        }
        for (OrderByElement element : elements) {
            if (element.getNullOrdering() == null && element.isAscDescPresent() && !element.isAsc()) {
                element.setNullOrdering(OrderByElement.NullOrdering.NULLS_FIRST);
            }
        }
    }
}
