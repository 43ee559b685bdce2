package io.timefusion.gateway.pgwire.types;

import java.util.ArrayList;
import java.util.List;

import static io.timefusion.gateway.pgwire.types.TextScanner.isSpace;

/**
 * Splits a one-dimensional Postgres array literal into element texts, undoing quotes and backslash escapes. An
 * unquoted NULL (any case) is a null element; a quoted one is the string.
 */
final class ArrayLiteral
{
    private final String input;
    private int position;

    private ArrayLiteral(String input)
    {
        this.input = input;
    }

    static List<String> parse(String input)
    {
        return new ArrayLiteral(input).parse();
    }

    private List<String> parse()
    {
        skipSpaces();
        int declaredLength = peek() == '[' ? readBounds() : -1;
        expect('{');
        List<String> elements = new ArrayList<>();
        skipSpaces();
        if (peek() == '}') {
            position++;
        }
        else {
            while (true) {
                skipSpaces();
                elements.add(peek() == '"' ? readQuoted() : readUnquoted());
                skipSpaces();
                char delimiter = next();
                if (delimiter == '}') {
                    break;
                }
                if (delimiter != ',') {
                    throw malformed("Unexpected \"%s\" character.".formatted(delimiter));
                }
            }
        }
        skipSpaces();
        if (position != input.length()) {
            throw malformed("Junk after closing right brace.");
        }
        if (declaredLength >= 0 && declaredLength != elements.size()) {
            throw malformed("Specified array dimensions do not match array contents.");
        }
        return elements;
    }

    /** {@code [lower:upper]=}; returns the element count it declares. */
    private int readBounds()
    {
        position++;
        int colon = input.indexOf(':', position);
        int close = input.indexOf(']', position);
        if (colon < 0 || close < colon) {
            throw malformed("\"[\" must introduce explicitly-specified array dimensions.");
        }
        try {
            int lower = Integer.parseInt(input.substring(position, colon).strip());
            int upper = Integer.parseInt(input.substring(colon + 1, close).strip());
            position = close + 1;
            if (peek() == '[') {
                throw malformed("multidimensional arrays are not supported");
            }
            expect('=');
            skipSpaces();
            return Math.max(upper - lower + 1, 0);
        }
        catch (NumberFormatException e) {
            throw malformed("Missing array dimension value.");
        }
    }

    private String readQuoted()
    {
        position++;
        StringBuilder element = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return element.toString();
            }
            element.append(c == '\\' ? next() : c);
        }
    }

    private String readUnquoted()
    {
        StringBuilder element = new StringBuilder();
        // trailing whitespace is dropped unless a backslash protects it
        int keptLength = 0;
        boolean escaped = false;
        while (position < input.length() && peek() != ',' && peek() != '}') {
            char c = next();
            if (c == '{' || c == '"') {
                throw malformed(c == '{' ? "multidimensional arrays are not supported" : "Unexpected \"\"\" character.");
            }
            if (c == '\\') {
                element.append(next());
                escaped = true;
                keptLength = element.length();
            }
            else {
                element.append(c);
                if (!isSpace(c)) {
                    keptLength = element.length();
                }
            }
        }
        element.setLength(keptLength);
        if (element.isEmpty() && !escaped) {
            throw malformed("Unexpected \"%s\" character.".formatted(peek()));
        }
        return !escaped && element.toString().equalsIgnoreCase("NULL") ? null : element.toString();
    }

    private char next()
    {
        if (position >= input.length()) {
            throw malformed("Unexpected end of input.");
        }
        return input.charAt(position++);
    }

    private char peek()
    {
        return position < input.length() ? input.charAt(position) : '\0';
    }

    private void expect(char c)
    {
        if (peek() != c) {
            throw malformed(c == '{' ? "Array value must start with \"{\" or dimension information." : "Missing \"%s\" after array dimensions.".formatted(c));
        }
        position++;
    }

    private void skipSpaces()
    {
        while (position < input.length() && isSpace(input.charAt(position))) {
            position++;
        }
    }

    /** Postgres' message, with its detail appended since the protocol layer carries one message per error. */
    private InvalidTextRepresentationException malformed(String detail)
    {
        return new InvalidTextRepresentationException("malformed array literal: \"%s\" (%s)".formatted(input, detail));
    }
}
