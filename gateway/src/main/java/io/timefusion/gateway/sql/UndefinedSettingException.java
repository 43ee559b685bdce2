package io.timefusion.gateway.sql;

/** A setting the server does not know (SQLSTATE 42704, undefined_object). */
public class UndefinedSettingException
        extends RuntimeException
{
    public UndefinedSettingException(String name)
    {
        super("unrecognized configuration parameter \"%s\"".formatted(name));
    }
}
