package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.auth.AuthenticationFailedException;
import io.timefusion.gateway.pgwire.auth.AuthenticationMethod;
import io.timefusion.gateway.pgwire.auth.Md5Password;
import io.timefusion.gateway.pgwire.auth.ScramSha256Server;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.timefusion.gateway.pgwire.protocol.SaslInitialResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The password exchange of one connection: SCRAM-SHA-256 (two round trips), md5 or cleartext, or none when the
 * gateway runs without a password on purpose. Whatever fails, the client learns only that authentication failed.
 */
final class Authenticator
{
    enum Outcome
    {
        CONTINUE, SUCCEEDED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthenticationMethod method;
    private final String expectedUser;
    private final Optional<String> password;
    private final PgOutput output;
    private String user;
    private ScramSha256Server scram;
    private byte[] md5Salt;
    private int step;
    private boolean firstMessageDeferred;

    Authenticator(AuthenticationMethod method, String expectedUser, Optional<String> password, PgOutput output)
    {
        this.method = method;
        this.expectedUser = expectedUser;
        this.password = password;
        this.output = output;
    }

    /** Sends the first authentication request; SUCCEEDED when no password is required. */
    Outcome start(String user)
    {
        this.user = user;
        if (password.isEmpty()) {
            checkUser();
            return Outcome.SUCCEEDED;
        }
        switch (method) {
            case SCRAM_SHA_256 -> {
                scram = new ScramSha256Server(password.get(), RANDOM);
                output.send(out -> BackendMessages.authenticationSasl(out, List.of(ScramSha256Server.MECHANISM)));
            }
            case MD5 -> {
                md5Salt = new byte[4];
                RANDOM.nextBytes(md5Salt);
                output.send(out -> BackendMessages.authenticationMd5Password(out, md5Salt));
            }
            case CLEARTEXT -> output.send(BackendMessages::authenticationCleartextPassword);
        }
        output.flush();
        return Outcome.CONTINUE;
    }

    Outcome onPassword(PasswordMessage message)
    {
        step++;
        switch (method) {
            case SCRAM_SHA_256 -> {
                if (step == 1) {
                    SaslInitialResponse initial = SaslInitialResponse.parse(message.payload());
                    if (!initial.mechanism().equals(ScramSha256Server.MECHANISM)) {
                        throw AuthenticationFailedException.protocolViolation("client selected an invalid SASL authentication mechanism");
                    }
                    if (initial.initialResponse() == null) {
                        // SASL lets the client hold its first message back: an empty challenge asks for it (as Postgres does)
                        firstMessageDeferred = true;
                        output.send(out -> BackendMessages.authenticationSaslContinue(out, new byte[0]));
                        output.flush();
                        return Outcome.CONTINUE;
                    }
                    return answerClientFirst(initial.initialResponse());
                }
                if (firstMessageDeferred) {
                    firstMessageDeferred = false;
                    return answerClientFirst(message.payload());
                }
                byte[] serverFinal = scram.serverFinalMessage(message.payload());
                checkUser();
                output.send(out -> BackendMessages.authenticationSaslFinal(out, serverFinal));
                return Outcome.SUCCEEDED;
            }
            case MD5 -> {
                if (!Md5Password.matches(user, password.get(), md5Salt, message.asCString())) {
                    throw new AuthenticationFailedException("md5 password mismatch");
                }
            }
            case CLEARTEXT -> {
                byte[] given = message.asCString().getBytes(StandardCharsets.UTF_8);
                if (!MessageDigest.isEqual(given, password.get().getBytes(StandardCharsets.UTF_8))) {
                    throw new AuthenticationFailedException("password mismatch");
                }
            }
        }
        checkUser();
        return Outcome.SUCCEEDED;
    }

    private Outcome answerClientFirst(byte[] clientFirst)
    {
        byte[] serverFirst = scram.serverFirstMessage(clientFirst);
        output.send(out -> BackendMessages.authenticationSaslContinue(out, serverFirst));
        output.flush();
        return Outcome.CONTINUE;
    }

    private void checkUser()
    {
        if (!expectedUser.equals(user)) {
            throw new AuthenticationFailedException("unknown user");
        }
    }

    String user()
    {
        return user;
    }
}
