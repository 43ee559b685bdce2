package io.timefusion.gateway.pgwire.auth;

import java.util.Locale;

/** How a client proves its password, named as in pg_hba.conf. */
public enum AuthenticationMethod
{
    SCRAM_SHA_256,
    MD5,
    /** The password in clear text: only acceptable over TLS. */
    CLEARTEXT;

    /** Accepts {@code scram-sha-256}, {@code md5}, and {@code password} or {@code cleartext}, in any case. */
    public static AuthenticationMethod parse(String name)
    {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "scram-sha-256" -> SCRAM_SHA_256;
            case "md5" -> MD5;
            case "password", "cleartext" -> CLEARTEXT;
            default -> throw new IllegalArgumentException("unknown authentication method '%s': expected scram-sha-256, md5, password or cleartext".formatted(name));
        };
    }
}
