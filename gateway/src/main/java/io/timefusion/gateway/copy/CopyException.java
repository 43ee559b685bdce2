package io.timefusion.gateway.copy;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A COPY that cannot go on, worded as Postgres words it. The context names where in the input it happened
 * ({@code COPY otel_logs_and_spans, line 17, column level: "x"}), as Postgres' CONTEXT field does.
 */
public final class CopyException
        extends RuntimeException
{
    private final String sqlState;
    private final String context;

    public CopyException(String sqlState, String message)
    {
        this(sqlState, message, null);
    }

    public CopyException(String sqlState, String message, String context)
    {
        super(message);
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
        this.context = context;
    }

    public String sqlState()
    {
        return sqlState;
    }

    public Optional<String> context()
    {
        return Optional.ofNullable(context);
    }
}
