package io.timefusion.gateway.sql;

import java.util.Optional;

/** A session's own settings, by lower-case name (server defaults are not included). */
public interface SessionSettings
{
    Optional<String> get(String name);

    /** Changes a setting for the rest of the session, as SET and set_config do. */
    void set(String name, String value);
}
