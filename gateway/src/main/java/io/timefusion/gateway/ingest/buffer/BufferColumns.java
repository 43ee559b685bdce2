package io.timefusion.gateway.ingest.buffer;

/** The columns the buffer places and filters rows by. */
public final class BufferColumns
{
    public static final String PROJECT_ID = "project_id";
    public static final String TIMESTAMP = "timestamp";

    private BufferColumns() {}
}
