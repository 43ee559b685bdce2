package io.timefusion.trino.delta;

import io.airlift.slice.Slices;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Metadata;
import io.timefusion.trino.delta.DeltaActions.Protocol;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;
import io.trino.parquet.writer.ParquetSchemaConverter;
import io.trino.parquet.writer.ParquetWriter;
import io.trino.parquet.writer.ParquetWriterOptions;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.ArrayBlockBuilder;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.MapBlockBuilder;
import io.trino.spi.block.RowBlockBuilder;
import org.apache.parquet.format.CompressionCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.timefusion.trino.delta.CheckpointSchema.ADD_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.COLUMN_NAMES;
import static io.timefusion.trino.delta.CheckpointSchema.COLUMN_TYPES;
import static io.timefusion.trino.delta.CheckpointSchema.METADATA_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.PROTOCOL_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.REMOVE_CHANNEL;
import static io.timefusion.trino.delta.CheckpointSchema.TXN_CHANNEL;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Writes a snapshot as a single-part Parquet checkpoint: one row per action, one struct column per action type. Remove
 * tombstones are kept while they are younger than the cutoff (Delta's rule: within the retention other engines' VACUUM
 * must still see that a file was removed recently), older ones are dropped so the checkpoint does not grow forever.
 */
final class CheckpointWriter
{
    private static final int ROWS_PER_PAGE = 4096;

    private CheckpointWriter() {}

    /**
     * @param tombstoneCutoffMillis tombstones of files removed before this time are left out
     * @return the number of actions (rows) written
     */
    static long write(DeltaSnapshot snapshot, long tombstoneCutoffMillis, OutputStream output)
            throws IOException
    {
        ParquetSchemaConverter schema = new ParquetSchemaConverter(COLUMN_TYPES, COLUMN_NAMES, false, false);
        long rows = 0;
        try (ParquetWriter writer = new ParquetWriter(output, schema.getMessageType(), schema.getPrimitiveTypes(),
                ParquetWriterOptions.builder().build(), CompressionCodec.ZSTD, "timefusion", Optional.empty(), Optional.empty())) {
            PageBuilder page = new PageBuilder(COLUMN_TYPES);
            snapshot.protocol().ifPresent(protocol -> appendProtocol(page, protocol));
            snapshot.metadata().ifPresent(metadata -> appendMetadata(page, metadata));
            for (Map.Entry<String, Long> transaction : snapshot.transactions().entrySet()) {
                appendTransaction(page, transaction.getKey(), transaction.getValue());
            }
            for (AddFile add : snapshot.liveFiles()) {
                appendAdd(page, add);
                if (page.getPositionCount() >= ROWS_PER_PAGE) {
                    rows += flush(writer, page);
                }
            }
            for (RemoveFile tombstone : snapshot.tombstones().values()) {
                if (DeltaSnapshot.deletionMillis(tombstone) < tombstoneCutoffMillis) {
                    continue;
                }
                appendRemove(page, tombstone);
                if (page.getPositionCount() >= ROWS_PER_PAGE) {
                    rows += flush(writer, page);
                }
            }
            rows += flush(writer, page);
        }
        return rows;
    }

    private static long flush(ParquetWriter writer, PageBuilder pageBuilder)
            throws IOException
    {
        if (pageBuilder.isEmpty()) {
            return 0;
        }
        Page page = pageBuilder.build();
        pageBuilder.reset();
        writer.write(page);
        return page.getPositionCount();
    }

    private static void appendAdd(PageBuilder page, AddFile add)
    {
        appendRow(page, ADD_CHANNEL, fields -> {
            writeString(fields.get(0), add.path());
            writeStringMap(fields.get(1), add.partitionValues());
            BIGINT.writeLong(fields.get(2), add.size());
            BIGINT.writeLong(fields.get(3), add.modificationTime());
            BOOLEAN.writeBoolean(fields.get(4), add.dataChange());
            writeString(fields.get(5), add.stats());
            if (add.tags().isEmpty()) {
                fields.get(6).appendNull();
            }
            else {
                writeStringMap(fields.get(6), add.tags());
            }
        });
    }

    private static void appendRemove(PageBuilder page, RemoveFile remove)
    {
        appendRow(page, REMOVE_CHANNEL, fields -> {
            writeString(fields.get(0), remove.path());
            if (remove.deletionTimestamp() == null) {
                fields.get(1).appendNull();
            }
            else {
                BIGINT.writeLong(fields.get(1), remove.deletionTimestamp());
            }
            BOOLEAN.writeBoolean(fields.get(2), remove.dataChange());
        });
    }

    private static void appendMetadata(PageBuilder page, Metadata metadata)
    {
        appendRow(page, METADATA_CHANNEL, fields -> {
            writeString(fields.get(0), metadata.id());
            fields.get(1).appendNull();
            fields.get(2).appendNull();
            ((RowBlockBuilder) fields.get(3)).buildEntry(format -> {
                writeString(format.get(0), metadata.format() == null ? "parquet" : metadata.format().provider());
                writeStringMap(format.get(1), metadata.format() == null ? Map.of() : metadata.format().options());
            });
            writeString(fields.get(4), metadata.schemaString());
            ((ArrayBlockBuilder) fields.get(5)).buildEntry(elements -> metadata.partitionColumns().forEach(column -> writeString(elements, column)));
            writeStringMap(fields.get(6), metadata.configuration());
            if (metadata.createdTime() == null) {
                fields.get(7).appendNull();
            }
            else {
                BIGINT.writeLong(fields.get(7), metadata.createdTime());
            }
        });
    }

    private static void appendProtocol(PageBuilder page, Protocol protocol)
    {
        appendRow(page, PROTOCOL_CHANNEL, fields -> {
            INTEGER.writeLong(fields.get(0), protocol.minReaderVersion());
            INTEGER.writeLong(fields.get(1), protocol.minWriterVersion());
        });
    }

    private static void appendTransaction(PageBuilder page, String appId, long version)
    {
        appendRow(page, TXN_CHANNEL, fields -> {
            writeString(fields.get(0), appId);
            BIGINT.writeLong(fields.get(1), version);
            fields.get(2).appendNull();
        });
    }

    private static void appendRow(PageBuilder page, int channel, FieldsWriter writer)
    {
        page.declarePosition();
        for (int i = 0; i < COLUMN_TYPES.size(); i++) {
            BlockBuilder column = page.getBlockBuilder(i);
            if (i == channel) {
                ((RowBlockBuilder) column).buildEntry(writer::write);
            }
            else {
                column.appendNull();
            }
        }
    }

    private static void writeString(BlockBuilder builder, String value)
    {
        if (value == null) {
            builder.appendNull();
        }
        else {
            VARCHAR.writeSlice(builder, Slices.utf8Slice(value));
        }
    }

    private static void writeStringMap(BlockBuilder builder, Map<String, String> map)
    {
        ((MapBlockBuilder) builder).buildEntry((keys, values) -> map.forEach((key, value) -> {
            writeString(keys, key);
            writeString(values, value);
        }));
    }

    private interface FieldsWriter
    {
        void write(List<BlockBuilder> fields);
    }
}
