package io.timefusion.gateway.server;

import io.airlift.log.Logger;
import io.netty.channel.Channel;
import io.timefusion.gateway.pgwire.auth.AuthenticationFailedException;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ConnectionEvent;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;
import io.timefusion.gateway.pgwire.protocol.PgProtocolException;
import io.timefusion.gateway.pgwire.protocol.TransactionStatus;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.session.ServerSettings;
import io.timefusion.gateway.trino.PgError;
import io.timefusion.gateway.trino.TrinoErrors;
import io.timefusion.gateway.trino.TrinoSession;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Postgres connection after its StartupMessage. Its messages are handled in order on a virtual thread of its
 * own, so that a statement may block on Trino and on a slow client without holding a Netty event loop.
 */
final class PgSession
{
    private static final Logger log = Logger.get(PgSession.class);

    private final StartupMessage startup;
    private final Channel channel;
    private final SessionDependencies dependencies;
    private final ConnectionSlots slots;
    private final PgOutput output;
    private final SessionInbox inbox;
    private volatile TrinoSession trino;
    private volatile Thread worker;

    PgSession(StartupMessage startup, Channel channel, SessionDependencies dependencies, ConnectionSlots slots)
    {
        this.startup = startup;
        this.channel = channel;
        this.dependencies = dependencies;
        this.slots = slots;
        this.output = new PgOutput(channel);
        this.inbox = new SessionInbox(channel, dependencies.inputLimits().sessionInput());
    }

    void start()
    {
        worker = Thread.ofVirtual().name("pgwire-session").start(this::run);
    }

    void enqueue(FrontendMessage message)
    {
        inbox.add(message);
    }

    void writabilityChanged()
    {
        output.writabilityChanged();
    }

    /** The connection is gone: stop whatever runs on Trino and let the worker end. */
    void closed()
    {
        TrinoSession session = trino;
        if (session != null) {
            session.cancel();
        }
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run()
    {
        String user = startup.parameters().getOrDefault("user", "");
        BackendKey key = null;
        ExtendedQueryHandler extended = null;
        try {
            negotiateProtocolVersion();
            authenticate(user);
            if (!slots.tryStartSession()) {
                fatal(new PgError("53300", "sorry, too many clients already"));
                return;
            }
            // larger messages may come now, and the login deadline is met
            channel.pipeline().fireUserEventTriggered(ConnectionEvent.AUTHENTICATED);
            output.send(BackendMessages::authenticationOk);
            trino = dependencies.trinoSessions().open(user, startup.parameters().get("application_name"));
            TrinoSession session = trino;
            key = dependencies.cancelRegistry().register(session::cancel);
            SessionState state = new SessionState(startup.parameters());
            TranslationContext context = new TranslationContext(user, startup.parameters().getOrDefault("database", user), key.processId(), state);
            sendSessionStart(key, user);

            SessionDependencies.StatementHandlers handlers = dependencies.statementHandlers(state, session, context, output, inbox);
            SimpleQueryHandler simple = handlers.simple();
            extended = handlers.extended();
            while (output.isOpen()) {
                FrontendMessage message = inbox.take();
                switch (message) {
                    case FrontendMessage.Query query -> simple.handle(query.sql());
                    case FrontendMessage.Oversized oversized when oversized.tag() == 'Q' -> simple.refuse(StatementFailure.tooLarge(oversized));
                    case FrontendMessage.FunctionCall _ -> simple.refuse(new PgError("0A000", "fast-path function calls are not supported: call the function in a query"));
                    case FrontendMessage.Terminate _ -> {
                        return;
                    }
                    case FrontendMessage.CopyData _, FrontendMessage.CopyDone _, FrontendMessage.CopyFail _ -> {
                        // the rest of a COPY that failed: Postgres drops it too
                    }
                    default -> extended.handle(message);
                }
            }
        }
        catch (AuthenticationFailedException e) {
            fatal(e.reasonIsPublic()
                    ? new PgError(e.sqlState(), e.getMessage())
                    : new PgError(e.sqlState(), "password authentication failed for user \"%s\"".formatted(user)));
        }
        catch (PgProtocolException e) {
            fatal(new PgError(e.sqlState(), e.getMessage()));
        }
        catch (SQLException e) {
            fatal(TrinoErrors.toPgError(e));
        }
        catch (PgErrorException e) {
            fatal(e.error());
        }
        catch (InterruptedException e) {
            // the connection closed
        }
        catch (RuntimeException e) {
            // a bug of ours: the client learns only that, the log gets the rest
            log.error(e, "Session failed");
            fatal(new PgError("XX000", "internal error"));
        }
        finally {
            if (extended != null) {
                extended.closeAllPortals();
            }
            if (key != null) {
                dependencies.cancelRegistry().unregister(key);
            }
            closeTrino();
            output.close();
        }
    }

    private void negotiateProtocolVersion()
    {
        List<String> unsupportedOptions = startup.parameters().keySet().stream().filter(name -> name.startsWith("_pq_.")).toList();
        if (startup.minorVersion() > 0 || !unsupportedOptions.isEmpty()) {
            // we speak 3.0; libpq 18 asks for 3.2 and continues with 3.0 when told so
            output.send(out -> BackendMessages.negotiateProtocolVersion(out, 0, unsupportedOptions));
        }
    }

    private void authenticate(String user)
            throws InterruptedException
    {
        Authenticator authenticator = new Authenticator(dependencies.authenticationMethod(), dependencies.config().getUser(), dependencies.config().getPassword(), output);
        Authenticator.Outcome outcome = authenticator.start(user);
        while (outcome == Authenticator.Outcome.CONTINUE) {
            FrontendMessage message = inbox.take();
            if (!(message instanceof FrontendMessage.PasswordMessage password)) {
                throw new PgErrorException("08P01", "expected a password message, got " + message.getClass().getSimpleName());
            }
            outcome = authenticator.onPassword(password);
        }
    }

    private void sendSessionStart(BackendKey key, String user)
    {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("server_version", ServerSettings.SERVER_VERSION);
        parameters.put("server_encoding", "UTF8");
        parameters.put("client_encoding", "UTF8");
        parameters.put("DateStyle", "ISO, MDY");
        parameters.put("IntervalStyle", "postgres");
        parameters.put("TimeZone", "UTC");
        parameters.put("integer_datetimes", "on");
        parameters.put("standard_conforming_strings", "on");
        parameters.put("application_name", startup.parameters().getOrDefault("application_name", ""));
        parameters.put("is_superuser", "off");
        parameters.put("session_authorization", user);
        parameters.forEach((name, value) -> output.send(out -> BackendMessages.parameterStatus(out, name, value)));
        output.send(out -> BackendMessages.backendKeyData(out, key.processId(), key.secretKey()));
        output.send(out -> BackendMessages.readyForQuery(out, TransactionStatus.IDLE));
        output.flush();
    }

    private void fatal(PgError error)
    {
        if (output.isOpen()) {
            output.send(out -> BackendMessages.errorResponse(out, ErrorFields.of(ErrorFields.Severity.FATAL, error.sqlState(), error.message())));
            output.flush();
        }
    }

    private void closeTrino()
    {
        TrinoSession session = trino;
        if (session != null) {
            try {
                session.close();
            }
            catch (SQLException e) {
                log.debug(e, "Closing the Trino connection failed");
            }
        }
    }
}
