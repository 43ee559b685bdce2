package io.timefusion.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code INSERT … SELECT … FROM UNNEST(CAST(json_parse('[{…}, …]') AS array(row(…))))}: the whole batch as one
 * string literal, so planning sees a single constant however many rows it carries.
 */
final class JsonArrayInsert
        implements InsertForm
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String label()
    {
        return "INSERT … SELECT FROM UNNEST(CAST(json_parse('[…]') AS array(row(…))))";
    }

    @Override
    public String statement(String table, List<LogRow> rows)
    {
        return "INSERT INTO " + table + " " + LogColumns.columnList() + "\n"
                + "SELECT " + LogColumns.ALL.stream().map(JsonArrayInsert::selectExpression).collect(Collectors.joining(", ")) + "\n"
                + "FROM UNNEST(CAST(json_parse(" + ColumnType.quote(document(rows)) + ") AS array(row" + rowFields() + "))) AS u" + LogColumns.columnList();
    }

    private static String document(List<LogRow> rows)
    {
        ArrayNode array = JSON.createArrayNode();
        for (LogRow row : rows) {
            ObjectNode object = array.addObject();
            for (LogColumns.Column column : LogColumns.ALL) {
                object.set(column.name(), jsonValue(column.type(), column.value().apply(row)));
            }
        }
        return array.toString();
    }

    private static JsonNode jsonValue(ColumnType type, Object value)
    {
        if (value == null) {
            return JSON.nullNode();
        }
        return switch (type) {
            case TIMESTAMP_TZ, DATE -> JSON.getNodeFactory().textNode(ColumnType.text(value));
            case JSON -> parse((String) value);
            default -> JSON.valueToTree(value);
        };
    }

    private static JsonNode parse(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Timestamps and dates cannot be cast from JSON directly, so they arrive as varchar and are cast in the SELECT. */
    private static String rowFields()
    {
        return LogColumns.ALL.stream()
                .map(column -> column.identifier() + " " + fieldType(column.type()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String fieldType(ColumnType type)
    {
        return switch (type) {
            case TIMESTAMP_TZ, DATE -> "varchar";
            default -> type.trinoType();
        };
    }

    private static String selectExpression(LogColumns.Column column)
    {
        return switch (column.type()) {
            case TIMESTAMP_TZ, DATE -> "CAST(u." + column.identifier() + " AS " + column.type().trinoType() + ")";
            default -> "u." + column.identifier();
        };
    }
}
