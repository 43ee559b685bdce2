package io.timefusion.gateway.pgwire.types;

import java.util.HexFormat;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Shorthands for the byte arrays codec tests compare. */
final class Values
{
    private Values() {}

    static byte[] utf8(String text)
    {
        return text.getBytes(UTF_8);
    }

    static String utf8(byte[] bytes)
    {
        return new String(bytes, UTF_8);
    }

    static byte[] hex(String hex)
    {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
