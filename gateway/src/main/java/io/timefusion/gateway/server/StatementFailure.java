package io.timefusion.gateway.server;

import io.timefusion.gateway.copy.CopyException;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.pgwire.protocol.PgProtocolException;
import io.timefusion.gateway.pgwire.types.PgDataException;
import io.timefusion.gateway.sql.InvalidEscapeSequenceException;
import io.timefusion.gateway.sql.SqlSyntaxException;
import io.timefusion.gateway.sql.UndefinedParameterException;
import io.timefusion.gateway.sql.UndefinedSettingException;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.trino.PgError;
import io.timefusion.gateway.trino.TrinoErrors;

import java.sql.SQLException;

/** The Postgres error a failed statement is reported as. */
final class StatementFailure
{
    private StatementFailure() {}

    /** A Query, Parse or Bind the decoder skipped for its size: 54000 (program_limit_exceeded), and the session goes on. */
    static PgError tooLarge(FrontendMessage.Oversized message)
    {
        String setting = message.tag() == 'B' ? "PGWIRE_MAX_BIND_SIZE" : "PGWIRE_MAX_STATEMENT_SIZE";
        return new PgError("54000", "%s message of %d bytes is too long: the limit is %d bytes (%s)".formatted(message.messageName(), message.bodyLength(), message.limit(), setting));
    }

    static PgError of(Exception failure)
    {
        return switch (failure) {
            case CopyException copy -> new PgError(copy.sqlState(), copy.getMessage(), copy.context());
            case IngestException refused -> new PgError(refused.getSQLState(), refused.getMessage());
            case SQLException sql -> TrinoErrors.toPgError(sql);
            case UnsupportedStatementException unsupported -> new PgError("0A000", unsupported.getMessage());
            case SqlSyntaxException syntax -> new PgError("42601", syntax.getMessage());
            case InvalidEscapeSequenceException escape -> new PgError("22025", escape.getMessage());
            case UndefinedSettingException undefined -> new PgError("42704", undefined.getMessage());
            case UndefinedParameterException undefined -> new PgError("42P02", undefined.getMessage());
            case PgProtocolException violation -> new PgError("08P01", violation.getMessage());
            case PgDataException invalid -> new PgError(invalid.sqlState(), invalid.getMessage());
            case PgErrorException pgError -> pgError.error();
            case IllegalArgumentException invalid -> new PgError("22023", invalid.getMessage());
            // a bug of ours: ErrorReporter logs it with its stack; the client learns no class names
            default -> new PgError("XX000", "internal error");
        };
    }
}
