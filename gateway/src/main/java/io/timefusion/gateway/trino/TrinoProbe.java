package io.timefusion.gateway.trino;

import com.google.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Asks Trino for its version with a real query: an open port alone does not mean queries run. */
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
        try (TrinoSession session = sessions.open("timefusion-health", "health");
                TrinoExecution execution = session.execute("SELECT version()", Optional.empty())) {
            ResultSet rows = ((TrinoExecution.Rows) execution).resultSet();
            rows.next();
            String version = rows.getString(1);
            while (rows.next()) {
                // drain: closing early would cancel the query
            }
            return new Result(true, Optional.of(version), Optional.empty());
        }
        catch (SQLException | RuntimeException e) {
            return new Result(false, Optional.empty(), Optional.of(TrinoErrors.toPgError(e instanceof SQLException sql ? sql : new SQLException(e)).message()));
        }
    }
}
