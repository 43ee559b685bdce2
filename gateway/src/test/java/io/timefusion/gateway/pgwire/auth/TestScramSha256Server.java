package io.timefusion.gateway.pgwire.auth;

import org.junit.jupiter.api.Test;
import org.postgresql.shaded.com.ongres.scram.client.ScramClient;
import org.postgresql.shaded.com.ongres.scram.common.StringPreparation;
import org.postgresql.shaded.com.ongres.scram.common.exception.ScramException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestScramSha256Server
{
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void pgjdbcClientAuthenticatesAndAcceptsTheServerSignature()
            throws ScramException
    {
        ScramSha256Server server = new ScramSha256Server("s3cr3t", RANDOM);
        ScramClient client = pgjdbcClient("s3cr3t");

        byte[] serverFirst = server.serverFirstMessage(client.clientFirstMessage().toString().getBytes(UTF_8));
        client.serverFirstMessage(new String(serverFirst, UTF_8));
        byte[] serverFinal = server.serverFinalMessage(client.clientFinalMessage().toString().getBytes(UTF_8));

        // throws if the server signature does not prove knowledge of the password
        client.serverFinalMessage(new String(serverFinal, UTF_8));
    }

    @Test
    void pgjdbcClientWithWrongPasswordFails()
            throws ScramException
    {
        ScramSha256Server server = new ScramSha256Server("s3cr3t", RANDOM);
        ScramClient client = pgjdbcClient("secret");

        client.serverFirstMessage(new String(server.serverFirstMessage(client.clientFirstMessage().toString().getBytes(UTF_8)), UTF_8));
        byte[] clientFinal = client.clientFinalMessage().toString().getBytes(UTF_8);

        assertThatThrownBy(() -> server.serverFinalMessage(clientFinal))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("28P01"))
                .hasMessage("password does not match");
    }

    @Test
    void nonAsciiPasswordsArePreparedWithSaslPrepLikePgjdbcDoes()
            throws ScramException
    {
        // NFKC turns full-width letters into ASCII and the no-break space into a space, on both sides
        ScramSha256Server server = new ScramSha256Server("ｐａｓｓ\u00A0wörd", RANDOM);
        ScramClient client = pgjdbcClient("pass wörd");

        client.serverFirstMessage(new String(server.serverFirstMessage(client.clientFirstMessage().toString().getBytes(UTF_8)), UTF_8));
        byte[] serverFinal = server.serverFinalMessage(client.clientFinalMessage().toString().getBytes(UTF_8));

        client.serverFinalMessage(new String(serverFinal, UTF_8));
    }

    @Test
    void passwordsSaslPrepRefusesAreUsedRawOnBothSides()
            throws ScramException
    {
        String password = "ｐass\u0080";
        ScramSha256Server server = new ScramSha256Server(password, RANDOM);
        ScramClient client = pgjdbcClient(password);

        client.serverFirstMessage(new String(server.serverFirstMessage(client.clientFirstMessage().toString().getBytes(UTF_8)), UTF_8));
        byte[] serverFinal = server.serverFinalMessage(client.clientFinalMessage().toString().getBytes(UTF_8));

        client.serverFinalMessage(new String(serverFinal, UTF_8));
    }

    @Test
    void rfcClientCheckedAgainstRfc7677VectorAuthenticates()
    {
        assertRfcClientMatchesRfc7677();
        RfcScramClient client = new RfcScramClient("pencil", "n,,", "rOprNGfwEbeRWgbNEkqO");
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        String serverFirst = new String(server.serverFirstMessage(client.clientFirstMessage().getBytes(UTF_8)), UTF_8);
        String serverFinal = new String(server.serverFinalMessage(client.clientFinalMessage(serverFirst).getBytes(UTF_8)), UTF_8);

        assertThat(serverFinal).isEqualTo(client.expectedServerFinalMessage());
    }

    @Test
    void serverFirstMessageExtendsTheClientNonceAndCarriesSaltAndIterations()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        String serverFirst = new String(server.serverFirstMessage("n,,n=,r=clientnonce".getBytes(UTF_8)), UTF_8);

        assertThat(serverFirst).matches("r=clientnonce[A-Za-z0-9+/=]{24},s=[A-Za-z0-9+/=]+,i=4096");
        assertThat(Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2))).hasSize(16);
    }

    @Test
    void clientThatSupportsChannelBindingButWasNotOfferedItAuthenticates()
    {
        RfcScramClient client = new RfcScramClient("pencil", "y,,", "abc");
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        String serverFirst = new String(server.serverFirstMessage(client.clientFirstMessage().getBytes(UTF_8)), UTF_8);

        assertThatNoException().isThrownBy(() -> server.serverFinalMessage(client.clientFinalMessage(serverFirst).getBytes(UTF_8)));
    }

    @Test
    void rejectsChannelBinding()
    {
        assertClientFirstRejected("p=tls-server-end-point,,n=,r=abc", "0A000", "client requires SCRAM channel binding, which is not supported");
    }

    @Test
    void rejectsAuthorizationIdentity()
    {
        assertClientFirstRejected("n,a=admin,n=,r=abc", "0A000", "client uses an authorization identity, which is not supported");
    }

    @Test
    void rejectsMandatoryExtension()
    {
        assertClientFirstRejected("n,,m=ext,n=,r=abc", "0A000", "client requires an unsupported SCRAM extension");
    }

    @Test
    void rejectsMalformedClientFirstMessage()
    {
        assertClientFirstRejected("hello", "08P01", "malformed SCRAM message: unexpected channel-binding flag");
        assertClientFirstRejected("n,,n=user", "08P01", "malformed SCRAM message: expected user name and nonce in client-first-message");
        assertClientFirstRejected("n,,n=user,x=abc", "08P01", "malformed SCRAM message: expected attribute 'r'");
        assertClientFirstRejected("n,,n=user,r=", "08P01", "malformed SCRAM message: the client nonce must be printable");
    }

    @Test
    void rejectsChannelBindingThatDiffersFromTheGs2Header()
    {
        RfcScramClient client = new RfcScramClient("pencil", "n,,", "abc");
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);
        String serverFirst = new String(server.serverFirstMessage("y,,n=user,r=abc".getBytes(UTF_8)), UTF_8);

        assertThatThrownBy(() -> server.serverFinalMessage(client.clientFinalMessage(serverFirst).getBytes(UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("SCRAM channel binding check failed");
    }

    @Test
    void rejectsNonceOtherThanTheCombinedOne()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);
        server.serverFirstMessage("n,,n=,r=abc".getBytes(UTF_8));

        assertThatThrownBy(() -> server.serverFinalMessage("c=biws,r=abc,p=AAAA".getBytes(UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("SCRAM nonce does not match");
    }

    @Test
    void rejectsProofOfWrongLength()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);
        String serverFirst = new String(server.serverFirstMessage("n,,n=,r=abc".getBytes(UTF_8)), UTF_8);
        String nonce = serverFirst.split(",")[0].substring(2);

        assertThatThrownBy(() -> server.serverFinalMessage(("c=biws,r=" + nonce + ",p=AAAA").getBytes(UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("malformed SCRAM message: the proof must be 32 bytes");
    }

    @Test
    void rejectsProofThatIsNotBase64()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);
        String serverFirst = new String(server.serverFirstMessage("n,,n=,r=abc".getBytes(UTF_8)), UTF_8);
        String nonce = serverFirst.split(",")[0].substring(2);

        assertThatThrownBy(() -> server.serverFinalMessage(("c=biws,r=" + nonce + ",p=*not base64*").getBytes(UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("malformed SCRAM message: invalid base64");
    }

    @Test
    void failureMessagesNeverContainThePassword()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        assertThatThrownBy(() -> server.serverFirstMessage("pencil".getBytes(UTF_8))).hasMessageNotContaining("pencil");
    }

    @Test
    void messagesMustComeInOrder()
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        assertThatThrownBy(() -> server.serverFinalMessage("c=biws,r=abc,p=AAAA".getBytes(UTF_8))).isInstanceOf(IllegalStateException.class);
        server.serverFirstMessage("n,,n=,r=abc".getBytes(UTF_8));
        assertThatThrownBy(() -> server.serverFirstMessage("n,,n=,r=abc".getBytes(UTF_8))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesEmptyPassword()
    {
        assertThatThrownBy(() -> new ScramSha256Server("", RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClientFirstRejected(String clientFirst, String sqlState, String reason)
    {
        ScramSha256Server server = new ScramSha256Server("pencil", RANDOM);

        assertThatThrownBy(() -> server.serverFirstMessage(clientFirst.getBytes(UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(reason);
    }

    /** RFC 7677 section 3: user "user", password "pencil". */
    private static void assertRfcClientMatchesRfc7677()
    {
        RfcScramClient client = new RfcScramClient("pencil", "n,,", "rOprNGfwEbeRWgbNEkqO");
        String clientFinal = client.clientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");

        assertThat(clientFinal).isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(client.expectedServerFinalMessage()).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    private static ScramClient pgjdbcClient(String password)
    {
        // configured as pgjdbc's ScramAuthenticator does
        return ScramClient.builder()
                .advertisedMechanisms(List.of(ScramSha256Server.MECHANISM))
                .username("*")
                .password(password.toCharArray())
                .stringPreparation(StringPreparation.POSTGRESQL_PREPARATION)
                .build();
    }
}
