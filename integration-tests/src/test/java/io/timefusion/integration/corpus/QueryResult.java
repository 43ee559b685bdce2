package io.timefusion.integration.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a server answered to one statement, as one client saw it: the column type names (families: text for
 * text/varchar, json for json/jsonb), the rows with each value as that client presents it, the number of rows
 * a write touched, or the error (SQLSTATE and message).
 */
public record QueryResult(
        @JsonProperty("types") List<String> types,
        @JsonProperty("rows") List<List<JsonNode>> rows,
        @JsonProperty("rowcount") long rowCount,
        @JsonProperty("error") String error)
{
    public QueryResult
    {
        types = types == null ? List.of() : List.copyOf(types);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }

    static QueryResult failure(String error)
    {
        return new QueryResult(List.of(), List.of(), -1, error);
    }

    /** The family of a Postgres type name as clients treat it: text and varchar alike, json and jsonb alike. */
    static String typeFamily(String postgresTypeName)
    {
        return switch (postgresTypeName) {
            case "text", "varchar", "bpchar", "name" -> "text";
            case "json", "jsonb" -> "json";
            case "_text", "_varchar" -> "text[]";
            case "_json", "_jsonb" -> "json[]";
            default -> postgresTypeName.startsWith("_") ? postgresTypeName.substring(1) + "[]" : postgresTypeName;
        };
    }
}
