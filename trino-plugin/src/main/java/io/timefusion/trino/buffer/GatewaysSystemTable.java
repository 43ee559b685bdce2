package io.timefusion.trino.buffer;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.InMemoryRecordSet;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;

import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/** {@code timefusion.system.gateways}: the announced gateways, whether queries ask them now, never their tokens. */
public class GatewaysSystemTable
        implements SystemTable
{
    private static final ConnectorTableMetadata METADATA = new ConnectorTableMetadata(
            new SchemaTableName(SystemSchema.NAME, "gateways"),
            List.of(
                    new ColumnMetadata("gateway_id", VARCHAR),
                    new ColumnMetadata("url", VARCHAR),
                    new ColumnMetadata("last_heartbeat", TIMESTAMP_TZ_MILLIS),
                    new ColumnMetadata("live", BOOLEAN),
                    new ColumnMetadata("retired", BOOLEAN)));

    private final GatewayRegistry registry;

    @Inject
    public GatewaysSystemTable(GatewayRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public Distribution getDistribution()
    {
        return Distribution.SINGLE_COORDINATOR;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata()
    {
        return METADATA;
    }

    @Override
    public RecordCursor cursor(ConnectorTransactionHandle transaction, ConnectorSession session, TupleDomain<Integer> constraint)
    {
        InMemoryRecordSet.Builder rows = InMemoryRecordSet.builder(METADATA);
        long now = System.currentTimeMillis();
        for (Gateway gateway : registry.all()) {
            rows.addRow(gateway.gatewayId(), gateway.url(), packDateTimeWithZone(gateway.heartbeatMillis(), UTC_KEY), registry.isLive(gateway, now), gateway.retired());
        }
        return rows.build().cursor();
    }
}
