package io.timefusion.contract;

/**
 * Names of the connector's catalog session properties that the gateway sets (as {@code <catalog>.<name>}). Together
 * they make an INSERT idempotent: its commit to each Delta table carries a Delta {@code txn} action of this application
 * id and version, and a table whose log already holds that version (or a later one) is not written again, so a
 * gateway that replays a batch after a crash never duplicates rows.
 */
public final class SessionProperties
{
    public static final String INGEST_TXN_APP_ID = "ingest_txn_app_id";
    public static final String INGEST_TXN_VERSION = "ingest_txn_version";

    private SessionProperties() {}
}
