package io.timefusion.gateway.trino;

import io.trino.spi.StandardErrorCode;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TestTrinoErrors
{
    @Test
    void anUnknownFunctionIsReportedInPostgresWords()
    {
        PgError error = TrinoErrors.toPgError(failure("Query failed (#20261205_0001): line 1:8: Function 'char_len' not registered", StandardErrorCode.FUNCTION_NOT_FOUND));

        assertThat(error.sqlState()).isEqualTo("42883");
        assertThat(error.message()).isEqualTo("function char_len does not exist");
    }

    @Test
    void aPlaceInTheTranslatedStatementIsNotShown()
    {
        PgError error = TrinoErrors.toPgError(failure("Query failed (#20261205_0002): line 3:17: Column 'nme' cannot be resolved", StandardErrorCode.COLUMN_NOT_FOUND));

        assertThat(error.sqlState()).isEqualTo("42703");
        assertThat(error.message()).isEqualTo("Column 'nme' cannot be resolved");
    }

    @Test
    void anAmbiguousCallIsRecognised()
    {
        assertThat(TrinoErrors.isAmbiguousFunctionCall(failure("Could not choose a best candidate operator", StandardErrorCode.AMBIGUOUS_FUNCTION_CALL))).isTrue();
        assertThat(TrinoErrors.isAmbiguousFunctionCall(failure("Column 'x' cannot be resolved", StandardErrorCode.COLUMN_NOT_FOUND))).isFalse();
    }

    private static SQLException failure(String message, StandardErrorCode code)
    {
        return new SQLException(message, code.name(), code.toErrorCode().getCode());
    }
}
