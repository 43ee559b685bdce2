package io.timefusion.trino.buffer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;

/**
 * A response body that a deadline can end: {@link #expire} closes it from another thread, which wakes a blocked reader,
 * and from then on every read fails with a timeout, whatever the closed stream itself would have answered (an end of
 * stream must not pass for a short but complete answer).
 */
final class DeadlineInputStream
        extends FilterInputStream
{
    private volatile boolean expired;

    DeadlineInputStream(InputStream in)
    {
        super(in);
    }

    void expire()
    {
        expired = true;
        try {
            in.close();
        }
        catch (IOException ignored) {
            // the reader learns of the expiry from the flag
        }
    }

    boolean expired()
    {
        return expired;
    }

    @Override
    public int read()
            throws IOException
    {
        int value;
        try {
            value = in.read();
        }
        catch (IOException e) {
            throw expired ? timeout() : e;
        }
        if (expired) {
            throw timeout();
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length)
            throws IOException
    {
        int count;
        try {
            count = in.read(buffer, offset, length);
        }
        catch (IOException e) {
            throw expired ? timeout() : e;
        }
        if (expired) {
            throw timeout();
        }
        return count;
    }

    private static HttpTimeoutException timeout()
    {
        return new HttpTimeoutException("the response did not complete within timefusion.buffer.fetch-timeout");
    }
}
