package io.timefusion.gateway.pgwire.protocol;

/** The format codes of Bind, RowDescription and CopyInResponse. */
public final class FormatCodes
{
    public static final short TEXT = 0;
    public static final short BINARY = 1;

    private FormatCodes() {}
}
