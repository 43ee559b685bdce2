package io.timefusion.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link S3ProxyServer} per test class:
 * <pre>{@code
 * @RegisterExtension
 * static final S3ProxyExtension S3 = new S3ProxyExtension();
 * }</pre>
 * then {@code S3.server()}, or an {@code S3ProxyServer} parameter of a test or lifecycle method.
 * Each extension is one customer account; a class that registers several must use {@code server()}, because JUnit
 * rejects a parameter that more than one extension offers to resolve.
 */
public final class S3ProxyExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver
{
    private S3ProxyServer server;
    // @Nested classes inherit the extension and run beforeAll/afterAll again; only the class that started the server stops it
    private String startedBy;

    public S3ProxyServer server()
    {
        if (server == null) {
            throw new IllegalStateException("no s3proxy running: register S3ProxyExtension with @RegisterExtension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws Exception
    {
        if (server == null) {
            server = S3ProxyServer.start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context)
    {
        if (server != null && context.getUniqueId().equals(startedBy)) {
            server.close();
            server = null;
            startedBy = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
    {
        return parameterContext.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
    {
        return server();
    }
}
