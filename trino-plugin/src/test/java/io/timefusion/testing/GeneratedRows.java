package io.timefusion.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * An INSERT of generated rows of one partition with every kind of column filled (NULLs, arrays, JSON, non-ASCII
 * text), spread over the whole day so that the rows of several appends interleave in time. Row ids are
 * {@code row-<append>-<n>} for n from 1 to the row count.
 */
public final class GeneratedRows
{
    private GeneratedRows() {}

    public static String insert(String catalog, String project, String day, int append, int rows)
    {
        long dayStartNanos = TimeUnit.SECONDS.toNanos(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        return """
                INSERT INTO %1$s.public.otel_logs_and_spans (timestamp, observed_timestamp, id, parent_id, hashes, name, level, severity___severity_number,
                    body, duration, context___is_remote, attributes, attributes___http___response___status_code, resource___service___name, project_id, summary, date)
                SELECT CAST(from_unixtime_nanos(%2$d + ((n * 211 + %3$d) %% 20000) * 3911001000) AS timestamp(6) with time zone),
                       CAST(from_unixtime_nanos(%2$d + n * 1000) AS timestamp(6) with time zone),
                       'row-%3$d-' || CAST(n AS varchar),
                       IF(n %% 3 = 0, NULL, 'parent-' || CAST(n %% 7 AS varchar)),
                       ARRAY['h' || CAST(n AS varchar), 'append-%3$d'],
                       'span ' || CAST(n %% 17 AS varchar),
                       IF(n %% 5 = 0, 'ERROR', 'INFO'),
                       CAST(n %% 24 AS integer),
                       json_parse('{"n":' || CAST(n AS varchar) || ',"text":"żółć %3$d"}'),
                       n * 1000003,
                       n %% 2 = 0,
                       json_parse('{"http.route":"/items/' || CAST(n %% 11 AS varchar) || '"}'),
                       CAST(200 + n %% 4 AS integer),
                       'service-' || CAST(n %% 3 AS varchar),
                       '%4$s',
                       IF(n %% 4 = 0, ARRAY[], ARRAY['s' || CAST(n AS varchar)]),
                       DATE '%5$s'
                FROM UNNEST(sequence(1, %6$d)) AS t(n)
                """.formatted(catalog, dayStartNanos, append, project, day, rows);
    }
}
