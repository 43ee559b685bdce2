package io.timefusion.integration.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Asserts that the gateway answered a case as the reference Postgres did, and says where it did not. */
final class ResultComparison
{
    private ResultComparison() {}

    static void assertSameResult(CorpusCase corpusCase, QueryResult reference, QueryResult gateway)
    {
        if (reference.error() != null) {
            fail("the reference Postgres rejected the case, so the corpus is wrong: %s%n%s", reference.error(), corpusCase.postgresSql());
        }
        if (gateway.error() != null) {
            fail("the gateway failed: %s%n%s", gateway.error(), corpusCase.sql());
        }
        assertThat(gateway.types()).as("column types").isEqualTo(reference.types());
        assertThat(gateway.rowCount()).as("rows touched").isEqualTo(reference.rowCount());
        List<List<JsonNode>> expected = ordered(corpusCase.order(), reference.rows());
        List<List<JsonNode>> actual = ordered(corpusCase.order(), gateway.rows());
        assertThat(actual.size()).as("number of rows").isEqualTo(expected.size());
        for (int row = 0; row < expected.size(); row++) {
            List<JsonNode> expectedRow = expected.get(row);
            List<JsonNode> actualRow = actual.get(row);
            if (!sameRow(expectedRow, actualRow, corpusCase.relativeTolerance())) {
                fail("row %d differs%n  postgres: %s%n  gateway:  %s", row + 1, expectedRow, actualRow);
            }
        }
    }

    private static List<List<JsonNode>> ordered(CorpusCase.Order order, List<List<JsonNode>> rows)
    {
        return order == CorpusCase.Order.ANY ? rows.stream().sorted(Comparator.comparing(Object::toString)).toList() : rows;
    }

    private static boolean sameRow(List<JsonNode> expected, List<JsonNode> actual, OptionalDouble tolerance)
    {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int column = 0; column < expected.size(); column++) {
            if (!sameValue(expected.get(column), actual.get(column), tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual, OptionalDouble tolerance)
    {
        if (expected.equals(actual)) {
            return true;
        }
        if (tolerance.isEmpty()) {
            return false;
        }
        Optional<BigDecimal> expectedNumber = number(expected);
        Optional<BigDecimal> actualNumber = number(actual);
        if (expectedNumber.isEmpty() || actualNumber.isEmpty()) {
            return false;
        }
        double a = expectedNumber.get().doubleValue();
        double b = actualNumber.get().doubleValue();
        return Math.abs(a - b) <= tolerance.getAsDouble() * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Optional<BigDecimal> number(JsonNode value)
    {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        try {
            return value.isTextual() ? Optional.of(new BigDecimal(value.asText())) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
