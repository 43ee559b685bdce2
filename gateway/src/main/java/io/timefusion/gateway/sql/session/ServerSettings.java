package io.timefusion.gateway.sql.session;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings a session starts with, as Postgres 16 names and spells them. The gateway reports them at startup
 * (ParameterStatus), answers SHOW and current_setting from them, and lets SET change them for the session.
 * The server version is Postgres 16 because clients pick their catalog queries by it.
 */
public final class ServerSettings
{
    public static final String SERVER_VERSION = "16.4";
    public static final String SERVER_VERSION_NUM = "160004";
    public static final String PRODUCT_VERSION = "TimeFusion 0.1.0 on Trino 476";

    // keys are lower case, as settings are case-insensitive; the spelling clients see is in DISPLAY_NAMES
    private static final SortedMap<String, String> DEFAULTS = new TreeMap<>(Map.ofEntries(
            Map.entry("application_name", ""),
            Map.entry("client_encoding", "UTF8"),
            Map.entry("datestyle", "ISO, MDY"),
            Map.entry("default_transaction_isolation", "read committed"),
            Map.entry("default_transaction_read_only", "off"),
            Map.entry("extra_float_digits", "1"),
            Map.entry("integer_datetimes", "on"),
            Map.entry("intervalstyle", "postgres"),
            Map.entry("is_superuser", "off"),
            Map.entry("lc_collate", "C"),
            Map.entry("lc_ctype", "C"),
            Map.entry("max_identifier_length", "63"),
            Map.entry("search_path", "\"$user\", public"),
            Map.entry("server_encoding", "UTF8"),
            Map.entry("server_version", SERVER_VERSION),
            Map.entry("server_version_num", SERVER_VERSION_NUM),
            Map.entry("standard_conforming_strings", "on"),
            Map.entry("statement_timeout", "0"),
            Map.entry("timezone", "UTC"),
            Map.entry("transaction_isolation", "read committed"),
            Map.entry("transaction_read_only", "off")));

    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "datestyle", "DateStyle",
            "intervalstyle", "IntervalStyle",
            "timezone", "TimeZone");

    private ServerSettings() {}

    public static Optional<String> defaultValue(String name)
    {
        return Optional.ofNullable(DEFAULTS.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every setting name the server knows, lower case, sorted (the rows of SHOW ALL). */
    public static Iterable<String> names()
    {
        return DEFAULTS.keySet();
    }

    /** The name as Postgres spells it in ParameterStatus and SHOW ALL (DateStyle, TimeZone, …). */
    public static String displayName(String name)
    {
        String key = name.toLowerCase(Locale.ROOT);
        return DISPLAY_NAMES.getOrDefault(key, key);
    }

    /** The text of {@code version()}: Postgres-16-shaped, since tools parse its first words, and naming TimeFusion. */
    public static String versionText()
    {
        return "PostgreSQL " + SERVER_VERSION + " (" + PRODUCT_VERSION + ") on x86_64-pc-linux-gnu, compiled by javac, 64-bit";
    }
}
