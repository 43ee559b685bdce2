package io.timefusion.gateway.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;

/** INSERTs the gateway does not write itself (expressions among the values, a query of a table) go to Trino as SQL, with the date derived. */
class TestDerivedDateColumn
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "INSERT INTO otel_logs_and_spans (id, timestamp) VALUES (upper('a'), $1) => "
                    + "INSERT INTO otel_logs_and_spans (id, timestamp, \"date\") SELECT inserted_rows.\"id\", inserted_rows.\"timestamp\", "
                    + "CAST(at_timezone(inserted_rows.\"timestamp\", 'UTC') AS date) FROM (VALUES (upper('a'), $1)) AS inserted_rows(\"id\", \"timestamp\")",
            "INSERT INTO public.otel_logs_and_spans (id, \"timestamp\") SELECT id, ts FROM unnest($1::text[], $2::timestamptz[]) AS u(id, ts) => "
                    + "INSERT INTO public.otel_logs_and_spans (id, \"timestamp\", \"date\") SELECT inserted_rows.\"id\", inserted_rows.\"timestamp\", "
                    + "CAST(at_timezone(inserted_rows.\"timestamp\", 'UTC') AS date) FROM (SELECT id, ts FROM UNNEST(CAST($1 AS array(varchar)), "
                    + "CAST($2 AS array(timestamp(6) with time zone))) AS u(id, ts)) AS inserted_rows(\"id\", \"timestamp\")",
    })
    void anInsertWithoutTheDateComputesItFromTheTimestamp(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "INSERT INTO otel_logs_and_spans (id, timestamp, date) VALUES (upper('a'), $1, $2) => INSERT INTO otel_logs_and_spans (id, timestamp, date) VALUES (upper('a'), $1, $2)",
            "INSERT INTO other_table (id, timestamp) VALUES ('a', $1) => INSERT INTO other_table (id, timestamp) VALUES ('a', $1)",
            "INSERT INTO otel_logs_and_spans (id) VALUES (upper('a')) => INSERT INTO otel_logs_and_spans (id) VALUES (upper('a'))",
    })
    void otherInsertsAreLeftAsWritten(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }
}
