package io.timefusion.gateway.ingest;

/**
 * The backslash escapes of Postgres' escape string constants ({@code E'…'}): \b \f \n \r \t, octal \o \oo \ooo,
 * hex \xh \xhh, Unicode \\uXXXX and \\UXXXXXXXX; any other escaped character stands for itself. JSqlParser keeps the
 * text of such a constant as written.
 */
final class EscapeStrings
{
    private EscapeStrings() {}

    static String unescape(String text)
    {
        String body = text.replace("''", "'");
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> i = appendCode(out, body, i + 1, 16, 2) - 1;
                case 'u' -> i = appendCode(out, body, i + 1, 16, 4) - 1;
                case 'U' -> i = appendCode(out, body, i + 1, 16, 8) - 1;
                case '0', '1', '2', '3', '4', '5', '6', '7' -> i = appendCode(out, body, i, 8, 3) - 1;
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** Appends the character of up to {@code maxDigits} digits at {@code start}; @return the index after them */
    private static int appendCode(StringBuilder out, String body, int start, int radix, int maxDigits)
    {
        int end = start;
        while (end < body.length() && end - start < maxDigits && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start) {
            throw new IllegalArgumentException("invalid escape in string constant: \\" + body.charAt(start - 1));
        }
        out.appendCodePoint(Integer.parseInt(body, start, end, radix));
        return end;
    }
}
