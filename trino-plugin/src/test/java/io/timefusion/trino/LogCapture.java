package io.timefusion.trino;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything logged in this JVM while it runs (Airlift and Trino log through java.util.logging), messages and stack traces. */
final class LogCapture
        extends Handler
{
    private final StringBuffer text = new StringBuffer();

    void start()
    {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    void stop()
    {
        Logger.getLogger("").removeHandler(this);
    }

    String text()
    {
        return text.toString();
    }

    @Override
    public void publish(LogRecord record)
    {
        text.append(record.getLoggerName()).append(' ').append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(' ').append(trace);
        }
        text.append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
