package io.timefusion.trino.read;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code LIKE} pattern as Trino reads it ({@code %} any sequence, {@code _} one character, an optional escape
 * character before {@code %}, {@code _} or itself; case-sensitive, the whole value), matched against UTF-8 values.
 * Written here because Trino's own matcher (io.trino.likematcher) is in trino-main, which a plugin does not see; a
 * test checks it against that matcher. Without {@code _} the pattern is literal runs between {@code %}, matched on
 * the bytes (UTF-8 never matches inside a character); with {@code _} it becomes a regular expression over the text.
 */
public final class LikePattern
{
    private final String pattern;
    private final Optional<Character> escape;
    // the literal runs between '%': the first is anchored at the start, the last at the end (either empty when the pattern starts or ends with '%')
    private final List<Slice> literals;
    private final Pattern regex;

    private LikePattern(String pattern, Optional<Character> escape, List<Slice> literals, Pattern regex)
    {
        this.pattern = pattern;
        this.escape = escape;
        this.literals = literals;
        this.regex = regex;
    }

    /**
     * @throws IllegalArgumentException when the escape character ends the pattern or precedes another character, as
     * Trino refuses it
     */
    public static LikePattern compile(String pattern, Optional<Character> escape)
    {
        List<Slice> literals = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        StringBuilder regex = new StringBuilder();
        boolean anyCharacter = false;
        int[] characters = pattern.codePoints().toArray();
        for (int i = 0; i < characters.length; i++) {
            int character = characters[i];
            if (escape.isPresent() && character == escape.get()) {
                if (i + 1 == characters.length || !isEscapable(characters[i + 1], escape.get())) {
                    throw new IllegalArgumentException("Escape character must be followed by '%', '_' or the escape character");
                }
                i++;
                literal.appendCodePoint(characters[i]);
                regex.append(Pattern.quote(Character.toString(characters[i])));
            }
            else if (character == '%') {
                literals.add(Slices.utf8Slice(literal.toString()));
                literal.setLength(0);
                regex.append(".*");
            }
            else if (character == '_') {
                anyCharacter = true;
                regex.append('.');
            }
            else {
                literal.appendCodePoint(character);
                regex.append(Pattern.quote(Character.toString(character)));
            }
        }
        literals.add(Slices.utf8Slice(literal.toString()));
        Pattern compiled = anyCharacter ? Pattern.compile(regex.toString(), Pattern.DOTALL) : null;
        return new LikePattern(pattern, escape, List.copyOf(literals), compiled);
    }

    private static boolean isEscapable(int next, char escape)
    {
        return next == '%' || next == '_' || next == escape;
    }

    public String pattern()
    {
        return pattern;
    }

    public Optional<Character> escape()
    {
        return escape;
    }

    public boolean matches(Slice value)
    {
        if (regex != null) {
            return regex.matcher(value.toStringUtf8()).matches();
        }
        if (literals.size() == 1) {
            return value.equals(literals.getFirst());
        }
        // the middle runs found in order, each as early as it occurs: '%' between them takes any gap
        Slice first = literals.getFirst();
        Slice last = literals.getLast();
        int start = first.length();
        int end = value.length() - last.length();
        if (end < start || !value.slice(0, first.length()).equals(first) || !value.slice(end, last.length()).equals(last)) {
            return false;
        }
        for (int i = 1; i < literals.size() - 1; i++) {
            Slice middle = literals.get(i);
            int found = middle.length() == 0 ? start : value.slice(0, end).indexOf(middle, start);
            if (found < 0) {
                return false;
            }
            start = found + middle.length();
        }
        return true;
    }

    @Override
    public String toString()
    {
        return pattern + escape.map(character -> " ESCAPE " + character).orElse("");
    }
}
