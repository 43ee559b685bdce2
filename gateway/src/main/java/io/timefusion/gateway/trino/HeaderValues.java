package io.timefusion.gateway.trino;

import java.nio.charset.StandardCharsets;

/**
 * Makes client-supplied text fit an HTTP header: Trino JDBC sends the user and the client info (the Postgres
 * application_name) as X-Trino-* headers, and its HTTP client refuses any character outside printable ASCII, which
 * would fail every statement of the session. Other bytes of the UTF-8 form, and '%' itself, are percent-encoded, so
 * the original stays recoverable, and the result is cut to a length Trino's header limit always accepts.
 */
public final class HeaderValues
{
    /** Far below Trino's request header limit; Postgres itself keeps only 63 bytes of an application_name. */
    static final int MAX_LENGTH = 256;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {}

    public static String encode(String value)
    {
        StringBuilder encoded = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
        StringBuilder character = new StringBuilder(12);
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            character.setLength(0);
            for (byte b : Character.toString(value.codePointAt(i)).getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (c >= 0x20 && c < 0x7F && c != '%') {
                    character.append((char) c);
                }
                else {
                    character.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
                }
            }
            // whole characters only, so the cut never leaves half of a UTF-8 sequence behind
            if (encoded.length() + character.length() > MAX_LENGTH) {
                break;
            }
            encoded.append(character);
        }
        return encoded.toString();
    }
}
