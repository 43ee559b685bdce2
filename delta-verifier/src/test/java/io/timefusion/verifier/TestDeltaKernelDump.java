package io.timefusion.verifier;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.timefusion.verifier.HandWrittenDeltaLog.add;
import static io.timefusion.verifier.HandWrittenDeltaLog.arrayOf;
import static io.timefusion.verifier.HandWrittenDeltaLog.column;
import static io.timefusion.verifier.HandWrittenDeltaLog.commit;
import static io.timefusion.verifier.HandWrittenDeltaLog.commitInfo;
import static io.timefusion.verifier.HandWrittenDeltaLog.metaData;
import static io.timefusion.verifier.HandWrittenDeltaLog.protocol;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestDeltaKernelDump
{
    // partition columns sit between data columns, so the output order proves it follows the table schema
    private static final List<Map<String, ?>> SPAN_COLUMNS = List.of(
            column("project_id", "string"),
            column("name", "string"),
            column("duration", "long"),
            column("status_code", "integer"),
            column("is_error", "boolean"),
            column("start_time", "timestamp"),
            column("date", "date"),
            column("tags", arrayOf("string")));

    // the data file holds no partition columns, as Delta requires
    private static final MessageType SPAN_FILE_SCHEMA = MessageTypeParser.parseMessageType("""
            message spans {
              optional binary name (STRING);
              optional int64 duration;
              optional int32 status_code;
              optional boolean is_error;
              optional int64 start_time (TIMESTAMP(MICROS,true));
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
            }
            """);

    @TempDir
    Path table;

    @Test
    void printsEachRowAsOneJsonLineWithAllColumnsInSchemaOrder()
            throws IOException
    {
        Path dataFile = writeTwoSpans(table.resolve("part-00000.parquet"));
        commit(table, 0, List.of(
                protocol(),
                metaData(SPAN_COLUMNS, List.of("project_id", "date")),
                add(table, dataFile, Map.of("project_id", "p1", "date", "2026-11-25"))));

        Dump dump = dump(table.toString());

        assertThat(dump.err()).isEmpty();
        assertThat(dump.exitCode()).isZero();
        assertThat(dump.out()).isEqualTo("""
                {"project_id":"p1","name":"GET /","duration":1500,"status_code":200,"is_error":false,"start_time":1764028800123456,"date":"2026-11-25","tags":["http",null,"svc"]}
                {"project_id":"p1","name":null,"duration":null,"status_code":null,"is_error":null,"start_time":null,"date":"2026-11-25","tags":null}
                """);
    }

    @Test
    void printsOnlyTheLatestSnapshotVersionWithVersionOnly()
            throws IOException
    {
        commit(table, 0, List.of(protocol(), metaData(SPAN_COLUMNS, List.of("project_id", "date"))));
        commit(table, 1, List.of(commitInfo()));

        assertThat(dump(DeltaKernelDump.VERSION_ONLY, table.toString())).isEqualTo(new Dump(0, "1\n", ""));
    }

    @Test
    void printsTheRowsOfAnEarlierVersionWithAtVersion()
            throws IOException
    {
        Path dataFile = writeTwoSpans(table.resolve("part-00000.parquet"));
        commit(table, 0, List.of(protocol(), metaData(SPAN_COLUMNS, List.of("project_id", "date"))));
        commit(table, 1, List.of(add(table, dataFile, Map.of("project_id", "p1", "date", "2026-11-25"))));

        assertThat(dump(DeltaKernelDump.AT_VERSION, "0", table.toString())).isEqualTo(new Dump(0, "", ""));
        assertThat(dump(DeltaKernelDump.AT_VERSION, "1", table.toString()).out().lines()).hasSize(2);
    }

    @Test
    void failsWithExitCodeOneOnAColumnTypeItCannotPrint()
            throws IOException
    {
        commit(table, 0, List.of(protocol(), metaData(List.of(column("value", "double")), List.of())));

        Dump dump = dump(table.toString());

        assertThat(dump.exitCode()).isEqualTo(1);
        assertThat(dump.out()).isEmpty();
        assertThat(dump.err()).contains("Column 'value' has Delta type double, which DeltaKernelDump cannot print");
    }

    @Test
    void failsWithExitCodeOneWhenThereIsNoDeltaTable()
    {
        Dump dump = dump(table.toString());

        assertThat(dump.exitCode()).isEqualTo(1);
        assertThat(dump.out()).isEmpty();
        assertThat(dump.err()).startsWith("DeltaKernelDump failed: ").contains(table.toString());
    }

    private static Path writeTwoSpans(Path file)
            throws IOException
    {
        SimpleGroupFactory rows = new SimpleGroupFactory(SPAN_FILE_SCHEMA);
        Group span = rows.newGroup()
                .append("name", "GET /")
                .append("duration", 1500L)
                .append("status_code", 200)
                .append("is_error", false)
                .append("start_time", 1764028800123456L);
        Group tags = span.addGroup("tags");
        tags.addGroup("list").append("element", "http");
        tags.addGroup("list");
        tags.addGroup("list").append("element", "svc");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SPAN_FILE_SCHEMA).build()) {
            writer.write(span);
            writer.write(rows.newGroup());
        }
        return file;
    }

    private static Dump dump(String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DeltaKernelDump.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Dump(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }

    private record Dump(int exitCode, String out, String err) {}
}
