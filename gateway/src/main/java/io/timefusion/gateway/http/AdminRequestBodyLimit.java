package io.timefusion.gateway.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the body of an {@link AdminOnly} request before it is parsed: a registration is a few hundred bytes, so a
 * body over {@value #MAX_BYTES} bytes is refused with 413, by its Content-Length when it has one, otherwise as soon as
 * that many bytes have been read. Nothing of it reaches Trino.
 */
@AdminOnly
public class AdminRequestBodyLimit
        implements ReaderInterceptor
{
    static final int MAX_BYTES = 64 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context)
            throws IOException
    {
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && (declared.length() > 9 || Long.parseLong(declared) > MAX_BYTES)) {
            throw tooLarge();
        }
        context.setInputStream(new LimitedInputStream(context.getInputStream()));
        return context.proceed();
    }

    private static WebApplicationException tooLarge()
    {
        return new WebApplicationException(JsonResponses.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the request body is larger than %d bytes".formatted(MAX_BYTES)));
    }

    private static final class LimitedInputStream
            extends FilterInputStream
    {
        private long read;

        LimitedInputStream(InputStream in)
        {
            super(in);
        }

        @Override
        public int read()
                throws IOException
        {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n)
        {
            read += n;
            if (read > MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
