package io.timefusion.trino.ingest;

import com.google.inject.Inject;
import io.airlift.slice.Slice;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.function.table.AbstractConnectorTableFunction;
import io.trino.spi.function.table.Argument;
import io.trino.spi.function.table.Descriptor;
import io.trino.spi.function.table.ReturnTypeSpecification.DescribedTable;
import io.trino.spi.function.table.ScalarArgument;
import io.trino.spi.function.table.ScalarArgumentSpecification;
import io.trino.spi.function.table.TableFunctionAnalysis;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.StandardErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code TABLE(timefusion.system.ingest_batch(batch => '<base64>'))}: the rows of one encoded batch
 * ({@link BatchFormat}) as a table with every column of otel_logs_and_spans, so that
 * {@code INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(…)} writes a whole batch in one statement whose
 * planning cost does not grow with the rows. The batch travels inside the statement (measured against the
 * alternatives in bench/README.md).
 */
public class IngestBatchFunction
        extends AbstractConnectorTableFunction
{
    public static final String SCHEMA = "system";
    public static final String NAME = "ingest_batch";
    private static final String BATCH_ARGUMENT = "BATCH";

    @Inject
    public IngestBatchFunction(OtelLogsAndSpansTable table)
    {
        super(SCHEMA, NAME,
                List.of(ScalarArgumentSpecification.builder().name(BATCH_ARGUMENT).type(VARCHAR).build()),
                new DescribedTable(new Descriptor(table.columns().stream()
                        .map(column -> new Descriptor.Field(column.name(), Optional.of(column.type())))
                        .toList())));
    }

    @Override
    public TableFunctionAnalysis analyze(ConnectorSession session, ConnectorTransactionHandle transaction, Map<String, Argument> arguments, ConnectorAccessControl accessControl)
    {
        Object value = ((ScalarArgument) arguments.get(BATCH_ARGUMENT)).getValue();
        if (value == null) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "ingest_batch: batch is NULL");
        }
        byte[] batch;
        try {
            batch = Base64.getDecoder().decode(((Slice) value).getBytes());
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "Corrupt ingest batch: it is not base64 (%s)".formatted(e.getMessage()));
        }
        return TableFunctionAnalysis.builder()
                .handle(new IngestBatchHandle(batch))
                .build();
    }
}
