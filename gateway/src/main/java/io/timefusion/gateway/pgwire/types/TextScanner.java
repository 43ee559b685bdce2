package io.timefusion.gateway.pgwire.types;

/** Small helpers for reading literals the way Postgres' input functions do. */
final class TextScanner
{
    private TextScanner() {}

    /** C isspace in the C locale: what Postgres input functions skip around a literal. */
    static boolean isSpace(char c)
    {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    static String trimSpaces(String text)
    {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }
}
