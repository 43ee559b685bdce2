package io.timefusion.gateway.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.sf.jsqlparser.statement.insert.Insert;

import java.util.Optional;

/**
 * The rows' shape of client INSERTs the gateway writes itself. The common shape, {@code INSERT … VALUES} of literals and
 * parameters, is read by {@link ValuesInsertScanner} without JSqlParser: a 100-row, 88-column INSERT with one {@code $n}
 * per cell takes JSqlParser 40–100 ms, and every client connection (and every unnamed statement) sends the same text
 * again, so parameterized shapes are also remembered by text across sessions (bounded by the total length of the SQL
 * kept). Other shapes come from the translator's parse tree.
 */
public class IngestInserts
{
    private static final long MAX_CACHED_SQL_CHARS = 32L << 20;

    private final Cache<String, IngestInsert> parameterized = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_SQL_CHARS)
            .weigher((String sql, IngestInsert _) -> sql.length())
            .build();

    /** The INSERT's shape when the scanner reads it; literal rows are not remembered, their text rarely comes again. */
    public Optional<IngestInsert> scan(String sql)
    {
        IngestInsert cached = parameterized.getIfPresent(sql);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<IngestInsert> scanned = ValuesInsertScanner.scan(sql);
        scanned.filter(insert -> insert.parameterCount() > 0).ifPresent(insert -> parameterized.put(sql, insert));
        return scanned;
    }

    /** The shape of a parsed INSERT, when it is one the gateway writes itself. */
    public static Optional<IngestInsert> of(Insert insert)
    {
        return InsertParser.parse(insert);
    }
}
