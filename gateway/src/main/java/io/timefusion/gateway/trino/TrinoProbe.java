package io.timefusion.gateway.trino;

import com.google.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** Asks Trino for its version and its nodes with real queries: an open port alone does not mean queries run. */
public class TrinoProbe
{
    private final TrinoSessions sessions;

    @Inject
    public TrinoProbe(TrinoSessions sessions)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    public record Result(boolean reachable, Optional<String> version, Optional<String> error) {}

    public Result probe()
    {
        try {
            return new Result(true, Optional.of(singleValue("SELECT version()", row -> row.getString(1))), Optional.empty());
        }
        catch (SQLException | RuntimeException e) {
            return new Result(false, Optional.empty(), Optional.of(TrinoErrors.toPgError(e instanceof SQLException sql ? sql : new SQLException(e)).message()));
        }
    }

    /** The nodes of the Trino cluster, coordinator included; empty when Trino does not answer. */
    public OptionalLong nodeCount()
    {
        try {
            return OptionalLong.of(singleValue("SELECT count(*) FROM system.runtime.nodes", row -> row.getLong(1)));
        }
        catch (SQLException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private interface ValueReader<T>
    {
        T read(ResultSet row)
                throws SQLException;
    }

    private <T> T singleValue(String sql, ValueReader<T> reader)
            throws SQLException
    {
        try (TrinoSession session = sessions.open("timefusion-health", "health");
                TrinoExecution execution = session.execute(sql, Optional.empty())) {
            ResultSet rows = ((TrinoExecution.Rows) execution).resultSet();
            rows.next();
            T value = reader.read(rows);
            while (rows.next()) {
                // drain: closing early would cancel the query
            }
            return value;
        }
    }
}
