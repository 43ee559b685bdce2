package io.timefusion.trino.functions;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** time_bucket as the plugin registers it in Trino, against TimescaleDB's documented results. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTimeBucketFunctions
{
    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void fiveMinuteBucketOfAnInstantStartsAtTheFiveMinuteMarkBelowIt()
    {
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:27:13.123456 UTC'")).isEqualTo("2024-01-01 11:25:00.000000 UTC");
    }

    @Test
    void instantOnABucketBoundaryStartsItsOwnBucket()
    {
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:25:00.000000 UTC'")).isEqualTo("2024-01-01 11:25:00.000000 UTC");
    }

    @Test
    void instantOneMicrosecondBeforeABoundaryBelongsToThePreviousBucket()
    {
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:24:59.999999 UTC'")).isEqualTo("2024-01-01 11:20:00.000000 UTC");
    }

    @Test
    void weeklyBucketsStartOnMondayLikeTimescaleDefaultOrigin()
    {
        // 2024-01-03 is a Wednesday; bucketing from the Unix epoch (a Thursday) would give 2023-12-28
        assertThat(bucket("INTERVAL '7' DAY", "TIMESTAMP '2024-01-03 15:00:00.000000 UTC'")).isEqualTo("2024-01-01 00:00:00.000000 UTC");
    }

    @Test
    void instantsBeforeTheOriginAndTheEpochRoundDown()
    {
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '1969-12-31 23:59:59.999999 UTC'")).isEqualTo("1969-12-31 23:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '1' DAY", "TIMESTAMP '1900-05-05 12:00:00.000000 UTC'")).isEqualTo("1900-05-05 00:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '7' DAY", "TIMESTAMP '1999-12-31 12:00:00.000000 UTC'")).isEqualTo("1999-12-27 00:00:00.000000 UTC");
    }

    @Test
    void dailyBucketsFollowUtcWhateverTheZoneOfTheValue()
    {
        // 12:00 New York on the day DST starts is 16:00 UTC; its day bucket starts at midnight UTC, shown in the value's zone
        assertThat(bucket("INTERVAL '1' DAY", "TIMESTAMP '2024-03-10 12:00:00.000000 America/New_York'")).isEqualTo("2024-03-09 19:00:00.000000 America/New_York");
    }

    @Test
    void theSameInstantInAnyZoneFallsIntoTheSameBucket()
    {
        Object inNewYork = scalar("SELECT time_bucket(INTERVAL '1' HOUR, TIMESTAMP '2024-11-03 01:30:00.000000 America/New_York') AT TIME ZONE 'UTC'");
        Object inUtc = scalar("SELECT time_bucket(INTERVAL '1' HOUR, TIMESTAMP '2024-11-03 01:30:00.000000 America/New_York' AT TIME ZONE 'UTC')");
        assertThat(inNewYork).isEqualTo(inUtc);
    }

    @Test
    void theRepeatedWallClockHourAtTheEndOfDaylightSavingGivesTwoBuckets()
    {
        // 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC) are one hour apart
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-11-03 05:30:00.000000 UTC'")).isEqualTo("2024-11-03 05:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-11-03 06:30:00.000000 UTC'")).isEqualTo("2024-11-03 06:00:00.000000 UTC");
    }

    @Test
    void nanosecondPrecisionValuesBucketByTheirFraction()
    {
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:25:00.000000001 UTC'")).isEqualTo("2024-01-01 11:25:00.000000000 UTC");
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:24:59.999999999999 UTC'")).isEqualTo("2024-01-01 11:20:00.000000000000 UTC");
    }

    @Test
    void millisecondPrecisionValuesUseTheShortEncoding()
    {
        assertThat(bucket("INTERVAL '10' SECOND", "TIMESTAMP '2024-01-01 11:27:13.999 +02:00'")).isEqualTo("2024-01-01 11:27:10.000 +02:00");
    }

    @Test
    void timestampsWithoutZoneBucketTheirWallClock()
    {
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:27:13.123456'")).isEqualTo("2024-01-01 11:25:00.000000");
        assertThat(bucket("INTERVAL '7' DAY", "TIMESTAMP '1999-12-31 12:00:00'")).isEqualTo("1999-12-27 00:00:00");
        assertThat(bucket("INTERVAL '5' MINUTE", "TIMESTAMP '2024-01-01 11:24:59.999999999'")).isEqualTo("2024-01-01 11:20:00.000000000");
    }

    @Test
    void originMovesTheGrid()
    {
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-01-01 11:27:00.000000 UTC', TIMESTAMP '2000-01-01 00:05:00.000000 UTC'"))
                .isEqualTo("2024-01-01 11:05:00.000000 UTC");
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-01-01 11:27:00', TIMESTAMP '2030-01-01 00:05:00'")).isEqualTo("2024-01-01 11:05:00");
    }

    @Test
    void originWithAFractionKeepsItsFractionInTheBucketStart()
    {
        assertThat(bucket("INTERVAL '1' SECOND", "TIMESTAMP '2024-01-01 11:27:00.0000004 UTC', TIMESTAMP '2000-01-01 00:00:00.0000005 UTC'"))
                .isEqualTo("2024-01-01 11:26:59.0000005 UTC");
    }

    @Test
    void offsetShiftsTheDefaultGrid()
    {
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-01-01 11:03:00.000000 UTC', INTERVAL '5' MINUTE")).isEqualTo("2024-01-01 10:05:00.000000 UTC");
        assertThat(bucket("INTERVAL '1' HOUR", "TIMESTAMP '2024-01-01 11:27:00', INTERVAL '-5' MINUTE")).isEqualTo("2024-01-01 10:55:00");
    }

    @Test
    void monthBucketsAlignToJanuary2000()
    {
        assertThat(bucket("INTERVAL '3' MONTH", "TIMESTAMP '2024-08-15 10:00:00.000000 UTC'")).isEqualTo("2024-07-01 00:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '1' YEAR", "TIMESTAMP '2024-08-15 10:00:00.000000 UTC'")).isEqualTo("2024-01-01 00:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '3' MONTH", "TIMESTAMP '1999-11-15 10:00:00.000000 UTC'")).isEqualTo("1999-10-01 00:00:00.000000 UTC");
        assertThat(bucket("INTERVAL '3' MONTH", "TIMESTAMP '2021-08-01 00:00:00'")).isEqualTo("2021-07-01 00:00:00");
    }

    @Test
    void theMonthOfAnInstantIsItsMonthInUtc()
    {
        // 2024-08-01 01:00 +05:00 is still July in UTC
        assertThat(bucket("INTERVAL '1' MONTH", "TIMESTAMP '2024-08-01 01:00:00.000000 +05:00'")).isEqualTo("2024-07-01 05:00:00.000000 +05:00");
    }

    @Test
    void bucketsOfTheTableTimestampColumnGroupRows()
    {
        queryRunner.execute("""
                INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date) VALUES
                    ('b1', 'buckets', TIMESTAMP '2025-01-01 00:04:59.999999 UTC', DATE '2025-01-01'),
                    ('b2', 'buckets', TIMESTAMP '2025-01-01 00:00:00.000000 UTC', DATE '2025-01-01'),
                    ('b3', 'buckets', TIMESTAMP '2025-01-01 00:05:00.000000 UTC', DATE '2025-01-01')
                """);
        assertThat(queryRunner.execute("""
                SELECT to_unixtime(time_bucket(INTERVAL '5' MINUTE, timestamp)), count(*) FROM otel_logs_and_spans
                WHERE project_id = 'buckets' GROUP BY 1 ORDER BY 1
                """).getMaterializedRows())
                .extracting(MaterializedRow::getFields)
                .containsExactly(List.of(1735689600.0, 2L), List.of(1735689900.0, 1L));
    }

    @Test
    void zeroOrNegativeWidthIsRejected()
    {
        assertThatThrownBy(() -> bucket("INTERVAL '0' SECOND", "TIMESTAMP '2024-01-01 11:27:00.000000 UTC'"))
                .hasMessageContaining("time_bucket: bucket width must be greater than 0");
        assertThatThrownBy(() -> bucket("INTERVAL '-1' MONTH", "TIMESTAMP '2024-01-01 11:27:00'"))
                .hasMessageContaining("time_bucket: bucket width must be greater than 0");
    }

    private String bucket(String width, String arguments)
    {
        return (String) scalar("SELECT CAST(time_bucket(%s, %s) AS varchar)".formatted(width, arguments));
    }

    private Object scalar(String sql)
    {
        return queryRunner.execute(sql).getOnlyValue();
    }
}
