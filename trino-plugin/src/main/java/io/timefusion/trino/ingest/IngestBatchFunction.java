package io.timefusion.trino.ingest;

import com.google.inject.Inject;
import io.airlift.slice.Slice;
import io.timefusion.contract.SystemSchema;
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
 * {@code TABLE(timefusion.system.ingest_batch(batch => '<base64>'))} or {@code …(url => 'http://…')}: the rows of
 * one encoded batch ({@link io.timefusion.contract.BatchFormat}) as a table with every column of
 * otel_logs_and_spans, so that {@code INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(…)} writes a whole batch in
 * one statement whose planning cost does not grow with the rows. The batch travels either inside the statement or, fetched by the
 * worker that decodes it, from a one-time URL of the gateway (the two measured in bench/README.md).
 */
public class IngestBatchFunction
        extends AbstractConnectorTableFunction
{
    private static final String BATCH_ARGUMENT = "BATCH";
    private static final String URL_ARGUMENT = "URL";

    @Inject
    public IngestBatchFunction(OtelLogsAndSpansTable table)
    {
        super(SystemSchema.NAME, SystemSchema.INGEST_BATCH,
                List.of(
                        ScalarArgumentSpecification.builder().name(BATCH_ARGUMENT).type(VARCHAR).defaultValue(null).build(),
                        ScalarArgumentSpecification.builder().name(URL_ARGUMENT).type(VARCHAR).defaultValue(null).build()),
                new DescribedTable(new Descriptor(table.columns().stream()
                        .map(column -> new Descriptor.Field(column.name(), Optional.of(column.type())))
                        .toList())));
    }

    @Override
    public TableFunctionAnalysis analyze(ConnectorSession session, ConnectorTransactionHandle transaction, Map<String, Argument> arguments, ConnectorAccessControl accessControl)
    {
        Object batch = ((ScalarArgument) arguments.get(BATCH_ARGUMENT)).getValue();
        Object url = ((ScalarArgument) arguments.get(URL_ARGUMENT)).getValue();
        if ((batch == null) == (url == null)) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "ingest_batch takes either batch or url");
        }
        IngestBatchHandle handle = batch != null
                ? new IngestBatchHandle(decodeBase64((Slice) batch), null)
                : new IngestBatchHandle(null, ((Slice) url).toStringUtf8());
        return TableFunctionAnalysis.builder()
                .handle(handle)
                .build();
    }

    private static byte[] decodeBase64(Slice text)
    {
        try {
            return Base64.getDecoder().decode(text.getBytes());
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_FUNCTION_ARGUMENT, "Corrupt ingest batch: it is not base64 (%s)".formatted(e.getMessage()));
        }
    }
}
