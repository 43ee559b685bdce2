package io.timefusion.integration.corpus;

import java.sql.Connection;
import java.sql.SQLException;

/** A connection that is opened again once the server has closed it, so that one failing case does not fail the rest. */
final class ReconnectingConnection
        implements AutoCloseable
{
    interface Opener
    {
        Connection open()
                throws SQLException;
    }

    private final Opener opener;
    private Connection connection;

    ReconnectingConnection(Opener opener)
    {
        this.opener = opener;
    }

    Connection get()
            throws SQLException
    {
        if (connection == null || connection.isClosed()) {
            connection = opener.open();
        }
        return connection;
    }

    @Override
    public void close()
            throws SQLException
    {
        if (connection != null) {
            connection.close();
        }
    }
}
