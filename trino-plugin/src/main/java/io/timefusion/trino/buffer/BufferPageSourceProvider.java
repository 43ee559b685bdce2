package io.timefusion.trino.buffer;

import com.google.inject.Inject;
import io.timefusion.contract.BufferRowsRequest;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.ingest.BatchDecoder;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.read.RowFilter;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.EmptyPageSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.TIMESTAMP;
import static java.util.Objects.requireNonNull;

/** Page sources for buffer splits: the request a split makes, the columns it decodes and how they map to the output. */
public class BufferPageSourceProvider
{
    private final BufferFetch fetch;
    private final BatchDecoder decoder;

    @Inject
    public BufferPageSourceProvider(BufferFetch fetch, OtelLogsAndSpansTable table)
    {
        this.fetch = requireNonNull(fetch, "fetch is null");
        this.decoder = new BatchDecoder(table);
    }

    public ConnectorPageSource createPageSource(BufferSplit split, TimeFusionTableHandle table, List<TimeFusionColumnHandle> columns)
    {
        BufferRowFilter filter = new BufferRowFilter(table.constraint());
        if (filter.isNone()) {
            return new EmptyPageSource();
        }
        // frames always carry project_id and timestamp (docs/ingest.md, "The write buffer"): decoded first, for the filter and for date
        List<String> decoded = new ArrayList<>(List.of(PROJECT_ID, TIMESTAMP));
        List<String> requested = new ArrayList<>();
        int[] outputChannels = new int[columns.size()];
        for (int output = 0; output < columns.size(); output++) {
            String name = columns.get(output).name();
            if (name.equals(DATE_COLUMN)) {
                outputChannels[output] = BufferPageSource.DATE_OUTPUT;
                continue;
            }
            requested.add(name);
            if (!decoded.contains(name)) {
                decoded.add(name);
            }
            outputChannels[output] = decoded.indexOf(name);
        }
        RowFilter rowFilter = table.rowFilter();
        int[] filterChannels = new int[rowFilter.columns().size()];
        for (int column = 0; column < filterChannels.length; column++) {
            String name = rowFilter.columns().get(column).name();
            if (!decoded.contains(name)) {
                // the filter's columns are fetched too, also those the query does not return
                requested.add(name);
                decoded.add(name);
            }
            filterChannels[column] = decoded.indexOf(name);
        }
        BufferRowsRequest request = new BufferRowsRequest(
                split.gatewayId(),
                OtelLogsAndSpansTable.TABLE,
                split.defaultWatermark(),
                split.projectWatermarks(),
                filter.projects().map(Set::copyOf).orElse(null),
                filter.fromMicros().orElse(null),
                filter.toMicros().orElse(null),
                requested);
        return new BufferPageSource(split, DeltaJson.toJson(request).getBytes(StandardCharsets.UTF_8), fetch, decoder, filter, rowFilter, filterChannels, decoded, outputChannels);
    }
}
