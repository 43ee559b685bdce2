package io.timefusion.gateway.pgwire.types;

/**
 * A Postgres interval: its three fields are kept apart because a month and a day have no fixed length (adding one
 * month to January 31st, or one day across a DST change, depends on the date it is added to).
 *
 * @param months years are 12 months
 * @param days whole days
 * @param microseconds the time part, which may exceed 24 hours
 */
public record PgInterval(int months, int days, long microseconds)
{
    /** Postgres 17's {@code infinity}: every field at its maximum. */
    public static final PgInterval INFINITY = new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    /** Postgres 17's {@code -infinity}: every field at its minimum. */
    public static final PgInterval NEGATIVE_INFINITY = new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
}
