package io.timefusion.integration.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Runs a case through pgjdbc's extended protocol: the statement is prepared with its {@code $n} placeholders
 * as JDBC parameters and every parameter is bound with the type the case names. Values are read as the text
 * pgjdbc gives ({@code getString}); json values are parsed, since jsonb text is canonicalised by Postgres.
 */
final class PgJdbcRunner
{
    // a string literal (skipped) or a $n placeholder
    private static final Pattern PLACEHOLDER = Pattern.compile("'(?:[^']|'')*'|\\$(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PgJdbcRunner() {}

    static QueryResult run(Connection connection, String sql, List<CorpusCase.Parameter> parameters)
    {
        List<CorpusCase.Parameter> binds = new ArrayList<>();
        String jdbcSql = jdbcPlaceholders(sql, parameters, binds);
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            for (int i = 0; i < binds.size(); i++) {
                bind(connection, statement, i + 1, binds.get(i));
            }
            if (!statement.execute()) {
                return new QueryResult(List.of(), List.of(), statement.getUpdateCount(), null);
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                return read(resultSet);
            }
        }
        catch (SQLException e) {
            return QueryResult.failure("SQLSTATE %s: %s".formatted(e.getSQLState(), e.getMessage()));
        }
    }

    /** The statement with {@code ?} for each {@code $n}, appending to {@code binds} the parameter each one takes. */
    private static String jdbcPlaceholders(String sql, List<CorpusCase.Parameter> parameters, List<CorpusCase.Parameter> binds)
    {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group()));
            }
            else {
                binds.add(parameters.get(Integer.parseInt(matcher.group(1)) - 1));
                matcher.appendReplacement(result, "?");
            }
        }
        return matcher.appendTail(result).toString();
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, CorpusCase.Parameter parameter)
            throws SQLException
    {
        JsonNode value = parameter.value();
        if (value == null || value.isNull()) {
            statement.setNull(index, java.sql.Types.OTHER);
            return;
        }
        switch (parameter.type()) {
            case "text" -> statement.setString(index, value.asText());
            case "uuid" -> statement.setObject(index, UUID.fromString(value.asText()));
            case "int4" -> statement.setInt(index, value.asInt());
            case "int8" -> statement.setLong(index, value.asLong());
            case "float8" -> statement.setDouble(index, value.asDouble());
            case "numeric" -> statement.setBigDecimal(index, new BigDecimal(value.asText()));
            case "bool" -> statement.setBoolean(index, value.asBoolean());
            case "date" -> statement.setObject(index, LocalDate.parse(value.asText()));
            case "timestamptz" -> statement.setObject(index, OffsetDateTime.parse(value.asText()));
            case "jsonb" -> {
                PGobject json = new PGobject();
                json.setType("jsonb");
                json.setValue(value.toString());
                statement.setObject(index, json);
            }
            case "text[]" -> statement.setArray(index, connection.createArrayOf("text", elements(value).stream().map(JsonNode::asText).toArray()));
            case "int8[]" -> statement.setArray(index, connection.createArrayOf("int8", elements(value).stream().map(JsonNode::asLong).toArray()));
            // elements as text: Postgres parses them with the array's element type
            case "timestamptz[]" -> statement.setArray(index, connection.createArrayOf("timestamptz", elements(value).stream().map(JsonNode::asText).toArray()));
            default -> throw new IllegalArgumentException("Unknown parameter type in the corpus: " + parameter.type());
        }
    }

    private static List<JsonNode> elements(JsonNode array)
    {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static QueryResult read(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<String> types = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            types.add(QueryResult.typeFamily(metadata.getColumnTypeName(column)));
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<JsonNode> row = new ArrayList<>();
            for (int column = 1; column <= types.size(); column++) {
                row.add(value(resultSet.getString(column), types.get(column - 1)));
            }
            rows.add(row);
        }
        return new QueryResult(types, rows, -1, null);
    }

    private static JsonNode value(String text, String typeFamily)
    {
        if (text == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (typeFamily.equals("json")) {
            try {
                return JSON.readTree(text);
            }
            catch (JsonProcessingException e) {
                // not JSON at all: compared as the text it is
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
