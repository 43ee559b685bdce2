package io.timefusion.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A server the ingest scenarios write to through pgjdbc: the gateway or PostgreSQL. {@code stringtype=unspecified}
 * lets the server type the text binds by their column (jsonb, timestamptz, text[]), as clients of both do.
 */
record IngestTarget(String name, String jdbcUrl, Properties properties)
{
    Connection connect()
            throws SQLException
    {
        Properties connection = new Properties();
        connection.putAll(properties);
        connection.setProperty("stringtype", "unspecified");
        return DriverManager.getConnection(jdbcUrl, connection);
    }
}
