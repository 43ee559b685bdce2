package io.timefusion.gateway.ingest;

import io.timefusion.gateway.sql.UndefinedParameterException;

import java.util.List;

/**
 * Where the value of one cell of a parsed INSERT comes from. Casts are dropped when parsing: the target column's
 * type decides how a value is read, as Postgres' assignment cast would convert it.
 */
sealed interface InsertCell
{

    /** A quoted literal: the value's Postgres text form. */
    record Text(String text)
            implements InsertCell {}

    /** An unquoted literal: a number (Long or BigDecimal), a Boolean, or null for NULL. */
    record Value(Object value)
            implements InsertCell {}

    /** {@code $n}. */
    record Parameter(int number)
            implements InsertCell
    {
        public Parameter
        {
            UndefinedParameterException.checked(number);
        }
    }

    /** {@code ARRAY[…]}. */
    record Array(List<InsertCell> elements)
            implements InsertCell {}
}
