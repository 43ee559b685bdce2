package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.statement.create.table.ColDataType;

/** A type in a cast that is already Trino's (made by a rule), so that no rule reads it as a Postgres type again. */
final class TrinoTypeName
        extends ColDataType
{
    TrinoTypeName(String trinoType)
    {
        super(trinoType);
    }

    static boolean isTrinoCast(net.sf.jsqlparser.expression.Expression expression)
    {
        return expression instanceof net.sf.jsqlparser.expression.CastExpression cast && cast.getColDataType() instanceof TrinoTypeName;
    }
}
