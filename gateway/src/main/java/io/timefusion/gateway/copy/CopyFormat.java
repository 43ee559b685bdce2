package io.timefusion.gateway.copy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How COPY data is spelled: the format and its options, with Postgres' defaults and Postgres' checks
 * (ProcessCopyOptions in copy.c), so that a client sees the same errors for the same options.
 *
 * @param nullMarker the unquoted field that means NULL ({@code \N} in text, the empty field in CSV)
 * @param quote CSV only
 * @param escape CSV only; the quote character unless set
 */
public record CopyFormat(Kind kind, byte delimiter, String nullMarker, boolean header, byte quote, byte escape)
{
    public enum Kind
    {
        TEXT, CSV, BINARY
    }

    private static final Set<String> KNOWN_OPTIONS = Set.of("format", "delimiter", "null", "header", "quote", "escape", "encoding");

    /**
     * @param options option name (lower case) → value; a value may be absent for options given without one
     * ({@code HEADER}, {@code CSV})
     */
    public static CopyFormat of(Map<String, Optional<String>> options)
    {
        for (String name : options.keySet()) {
            if (!KNOWN_OPTIONS.contains(name)) {
                throw new CopyException("42601", "option \"%s\" not recognized".formatted(name));
            }
        }
        Kind kind = value(options, "format").map(CopyFormat::kind).orElse(Kind.TEXT);
        if (kind == Kind.BINARY) {
            throw new CopyException("0A000", "COPY BINARY is not supported; use FORMAT text or csv");
        }
        boolean csv = kind == Kind.CSV;
        if (!csv && (options.containsKey("quote") || options.containsKey("escape"))) {
            throw new CopyException("0A000", "COPY %s available only in CSV mode".formatted(options.containsKey("quote") ? "quote" : "escape"));
        }
        byte delimiter = value(options, "delimiter").map(text -> singleByte(text, "delimiter")).orElse(csv ? (byte) ',' : (byte) '\t');
        String nullMarker = value(options, "null").orElse(csv ? "" : "\\N");
        boolean header = options.containsKey("header") && options.get("header").map(CopyFormat::bool).orElse(true);
        byte quote = value(options, "quote").map(text -> singleByte(text, "quote")).orElse((byte) '"');
        byte escape = value(options, "escape").map(text -> singleByte(text, "escape")).orElse(quote);
        value(options, "encoding").ifPresent(CopyFormat::requireUtf8);

        if (delimiter == '\n' || delimiter == '\r') {
            throw new CopyException("22023", "COPY delimiter cannot be newline or carriage return");
        }
        if (nullMarker.indexOf('\n') >= 0 || nullMarker.indexOf('\r') >= 0) {
            throw new CopyException("22023", "COPY null representation cannot use newline or carriage return");
        }
        if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(Character.toLowerCase((char) delimiter)) >= 0) {
            throw new CopyException("22023", "COPY delimiter cannot be \"%s\"".formatted((char) delimiter));
        }
        if (csv && delimiter == quote) {
            throw new CopyException("22023", "COPY delimiter and quote must be different");
        }
        if (nullMarker.indexOf((char) delimiter) >= 0) {
            throw new CopyException("22023", "COPY delimiter character must not appear in the NULL specification");
        }
        return new CopyFormat(kind, delimiter, nullMarker, header, quote, escape);
    }

    private static Optional<String> value(Map<String, Optional<String>> options, String name)
    {
        Optional<String> value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            throw new CopyException("42601", "%s requires a parameter".formatted(name));
        }
        return value;
    }

    private static Kind kind(String name)
    {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> Kind.TEXT;
            case "csv" -> Kind.CSV;
            case "binary" -> Kind.BINARY;
            default -> throw new CopyException("22023", "COPY format \"%s\" not recognized".formatted(name));
        };
    }

    private static byte singleByte(String text, String option)
    {
        if (text.length() != 1 || text.charAt(0) > 0x7F) {
            throw new CopyException("0A000", "COPY %s must be a single one-byte character".formatted(option));
        }
        return (byte) text.charAt(0);
    }

    private static boolean bool(String text)
    {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new CopyException("22023", "header requires a Boolean value");
        };
    }

    private static void requireUtf8(String encoding)
    {
        String normalized = encoding.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (!normalized.equals("UTF8") && !normalized.equals("UNICODE")) {
            throw new CopyException("0A000", "COPY encoding \"%s\" is not supported: the server speaks UTF8 only".formatted(encoding));
        }
    }
}
