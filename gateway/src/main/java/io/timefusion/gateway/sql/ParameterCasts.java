package io.timefusion.gateway.sql;

import io.timefusion.gateway.trino.TrinoType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types of parameters written as {@code CAST($n AS type)} in a translated statement. Postgres gives a
 * parameter the type of its cast ({@code $1::text[]} is a text[] parameter, and a value sent as text for it is
 * read as text[] input), which Trino's DESCRIBE INPUT does not: it leaves such a parameter untyped.
 */
public final class ParameterCasts
{
    private static final Pattern AS = Pattern.compile("(?i)\\s+AS\\s+");

    private ParameterCasts() {}

    /** Parameter number → the type it is cast to; a parameter cast to different types is left out. */
    public static Map<Integer, TrinoType> of(String trinoSql)
    {
        Map<Integer, TrinoType> types = new HashMap<>();
        Set<Integer> conflicting = new HashSet<>();
        SqlScanner scanner = new SqlScanner(trinoSql);
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            int number = scanner.placeholderNumber();
            if (number > 0) {
                castType(trinoSql, scanner.position(), number).ifPresent(type -> {
                    TrinoType previous = types.putIfAbsent(number, type);
                    if (previous != null && !previous.name().equals(type.name())) {
                        conflicting.add(number);
                    }
                });
            }
            scanner.advance();
        }
        types.keySet().removeAll(conflicting);
        return Map.copyOf(types);
    }

    private static Optional<TrinoType> castType(String sql, int placeholder, int number)
    {
        int openParen = skipWhitespaceBackwards(sql, placeholder - 1);
        if (openParen < 4 || sql.charAt(openParen) != '(' || !sql.regionMatches(true, openParen - 4, "CAST", 0, 4)
                || openParen > 4 && isIdentifierPart(sql.charAt(openParen - 5))) {
            return Optional.empty();
        }
        int afterPlaceholder = placeholder + 1 + Integer.toString(number).length();
        Matcher as = AS.matcher(sql).region(afterPlaceholder, sql.length());
        int close = SqlScanner.matchingParenthesis(sql, openParen);
        if (!as.lookingAt() || close < 0) {
            return Optional.empty();
        }
        return Optional.of(TrinoType.parse(sql.substring(as.end(), close)));
    }

    private static int skipWhitespaceBackwards(String sql, int position)
    {
        while (position >= 0 && Character.isWhitespace(sql.charAt(position))) {
            position--;
        }
        return position;
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
