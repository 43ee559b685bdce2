package io.timefusion.gateway.pgwire.auth;

import org.junit.jupiter.api.Test;
import org.postgresql.util.MD5Digest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestMd5Password
{
    private static final byte[] SALT = {(byte) 0x9a, 0x01, (byte) 0xff, 0x42};

    @Test
    void matchesKnownVector()
    {
        // md5(md5("s3cr3t" + "alice") as hex + salt), computed outside Java
        assertThat(Md5Password.matches("alice", "s3cr3t", SALT, "md59185dc8bb3bef03fb46c03b7638efb7b")).isTrue();
    }

    @Test
    void matchesWhatPgjdbcSends()
    {
        String response = new String(MD5Digest.encode("alice".getBytes(UTF_8), "pässword".getBytes(UTF_8), SALT), UTF_8);

        assertThat(Md5Password.matches("alice", "pässword", SALT, response)).isTrue();
    }

    @Test
    void rejectsWrongPassword()
    {
        assertThat(Md5Password.matches("alice", "secret", SALT, "md59185dc8bb3bef03fb46c03b7638efb7b")).isFalse();
    }

    @Test
    void rejectsResponseForAnotherUser()
    {
        assertThat(Md5Password.matches("bob", "s3cr3t", SALT, "md59185dc8bb3bef03fb46c03b7638efb7b")).isFalse();
    }
}
