package io.timefusion.gateway.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CALL runs the connector's procedures, which administer projects (register_project points a project's rows at a
 * bucket). Postgres sessions may not: they get 42501, as Postgres answers a procedure the role may not execute, and
 * administration goes through the gateway's admin REST endpoints. The connector's access-control rule is what protects
 * the projects (whatever else reaches Trino as the Postgres user, such as a SELECT on system.projects, is refused there
 * and arrives as 42501 too): this check spares Trino the round trip and names the right door.
 */
final class ProcedureCalls
{
    private static final Pattern PROCEDURE_NAME = Pattern.compile("(?is)\\bCALL\\s+([^\\s(;]{1,200})");

    private ProcedureCalls() {}

    /** The refusal of a CALL, naming its procedure. */
    static PgErrorException refusal(String sql)
    {
        Matcher name = PROCEDURE_NAME.matcher(sql);
        return new PgErrorException("42501", "permission denied for procedure %s: projects are administered through the gateway's admin REST endpoints"
                .formatted(name.find() ? name.group(1) : "(unnamed)"));
    }
}
