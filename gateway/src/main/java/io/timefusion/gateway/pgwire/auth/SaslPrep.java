package io.timefusion.gateway.pgwire.auth;

import java.text.Normalizer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Prepares a password for SCRAM the way Postgres does (pg_saslprep): SASLprep (RFC 4013) when the password is a valid
 * SASLprep string, otherwise the raw UTF-8 bytes. Clients do the same, so both sides hash identical bytes.
 *
 * <p>The prohibited-character checks follow RFC 3454's tables; for "unassigned code point" the Java runtime's Unicode
 * version stands in for Unicode 3.2, which only matters for characters newer than 2002 that NFKC would change.
 */
final class SaslPrep
{
    private SaslPrep() {}

    static byte[] prepare(String password)
    {
        // Postgres' shortcut: pure ASCII needs no preparation, control characters included
        if (password.chars().allMatch(c -> c < 0x80)) {
            return password.getBytes(UTF_8);
        }
        String prepared = Normalizer.normalize(map(password), Normalizer.Form.NFKC);
        if (prepared.isEmpty() || prepared.codePoints().anyMatch(SaslPrep::isProhibited) || !isValidBidi(prepared)) {
            return password.getBytes(UTF_8);
        }
        return prepared.getBytes(UTF_8);
    }

    /** RFC 4013 2.1: non-ASCII spaces (C.1.2) become U+0020, "commonly mapped to nothing" characters (B.1) vanish. */
    private static String map(String password)
    {
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(c -> {
            if (isNonAsciiSpace(c)) {
                mapped.append(' ');
            }
            else if (!isMappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        });
        return mapped.toString();
    }

    private static boolean isNonAsciiSpace(int c)
    {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static boolean isMappedToNothing(int c)
    {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
                || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    /** RFC 4013 2.3 and 2.5: tables C.1.2, C.2.1 to C.9, and A.1. */
    private static boolean isProhibited(int c)
    {
        return isNonAsciiSpace(c)
                || c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x06DD || c == 0x070F || c == 0x180E || c == 0x200C || c == 0x200D || c == 0x2028 || c == 0x2029
                || (c >= 0x2060 && c <= 0x2063) || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFD)
                || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
                || (c >= 0xD800 && c <= 0xDFFF)
                || (c >= 0x2FF0 && c <= 0x2FFB)
                || c == 0x0340 || c == 0x0341 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F)
                || Character.getType(c) == Character.UNASSIGNED;
    }

    /** RFC 3454 6: right-to-left text must not mix with left-to-right text and must start and end right-to-left. */
    private static boolean isValidBidi(String prepared)
    {
        if (prepared.codePoints().noneMatch(SaslPrep::isRightToLeft)) {
            return true;
        }
        return prepared.codePoints().noneMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT)
                && isRightToLeft(prepared.codePointAt(0))
                && isRightToLeft(prepared.codePointBefore(prepared.length()));
    }

    private static boolean isRightToLeft(int c)
    {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
