package io.timefusion.gateway.server;

/** What a statement sent to Trino gave the session: rows to send, or the command tag of a statement without rows. */
sealed interface StatementOutcome
{
    record Rows(RowCursor cursor)
            implements StatementOutcome {}

    record Done(String commandTag)
            implements StatementOutcome {}
}
