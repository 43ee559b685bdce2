package io.timefusion.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client writing log rows through a gateway at a steady rate: INSERTs of {@value #ROWS_PER_STATEMENT} rows spread
 * over the projects, paced to the rate, their timestamps spread evenly over one day so that an hour of it is an hour's
 * share of the rows, as a day of real traffic is.
 */
final class SustainedIngest
        implements Runnable
{
    static final int ROWS_PER_STATEMENT = 300;
    static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");

    private final Connection connection;
    private final int rowsPerSecond;
    private final Duration duration;
    private final int projects;
    private final long microsBetweenRows;
    private final AtomicLong rows = new AtomicLong();

    SustainedIngest(Connection connection, int rowsPerSecond, Duration duration, int projects)
    {
        this.connection = connection;
        this.rowsPerSecond = rowsPerSecond;
        this.duration = duration;
        this.projects = projects;
        long rowsPerProject = Math.max(1, rowsPerSecond * duration.toSeconds() / projects);
        this.microsBetweenRows = Math.max(1, Duration.ofDays(1).toNanos() / 1000 / rowsPerProject);
    }

    static String project(int number)
    {
        return "bench-" + number;
    }

    long rowsWritten()
    {
        return rows.get();
    }

    @Override
    public void run()
    {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (Statement statement = connection.createStatement()) {
            for (long statementNumber = 0; System.nanoTime() < end; statementNumber++) {
                statement.execute(insert(statementNumber));
                rows.addAndGet(ROWS_PER_STATEMENT);
                // pace: statement n may start once n statements' worth of the rate has passed
                long due = start + (statementNumber + 1) * ROWS_PER_STATEMENT * 1_000_000_000L / rowsPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Sustained ingest failed after %,d rows: %s".formatted(rows.get(), e.getMessage()), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String insert(long statementNumber)
    {
        StringBuilder sql = new StringBuilder("INSERT INTO otel_logs_and_spans (timestamp, id, project_id, name, level, duration, body, resource___service___name) VALUES ");
        for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
            long row = statementNumber * ROWS_PER_STATEMENT + i;
            int project = (int) (row % projects);
            long sequenceInProject = row / projects;
            Instant timestamp = DAY.plusNanos(sequenceInProject * microsBetweenRows * 1000);
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("('%s', 'row-%d', '%s', 'GET /items/%d', '%s', %d, '{\"status\":%d}', 'service-%d')".formatted(
                    timestamp, row, project(project), row % 50, row % 20 == 0 ? "ERROR" : "INFO", row * 7919 % 1_000_000, 200 + row % 5, row % 4));
        }
        return sql.toString();
    }
}
