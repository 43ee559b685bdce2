package io.timefusion.gateway.server;

/** What a statement gave the session: rows to send, the command tag of a statement without rows, or nothing at all. */
sealed interface StatementOutcome
{
    record Rows(RowCursor cursor)
            implements StatementOutcome {}

    record Done(String commandTag)
            implements StatementOutcome {}

    /** Text of nothing but comments and semicolons: EmptyQueryResponse. */
    record Empty()
            implements StatementOutcome {}
}
