package io.timefusion.contract;

/**
 * Who may administer the connector (call its procedures, read its project list) and the Trino extra credentials that
 * session presents. Secrets travel as extra credentials rather than procedure arguments because Trino keeps statement
 * text in its query history.
 */
public final class AdminCredentials
{
    /** The admin user when the catalog's {@code timefusion.admin-user} and the gateway's {@code trino.admin-user} are not set. */
    public static final String DEFAULT_ADMIN_USER = "timefusion-admin";
    /** The admin secret ({@code timefusion.admin-secret}), for Trino clusters that do not authenticate their users. */
    public static final String ADMIN_SECRET_CREDENTIAL = "timefusion.admin_secret";
    /** The secret key of a project being registered, base64-encoded (the secret may hold any character). */
    public static final String SECRET_KEY_CREDENTIAL = "timefusion.secret_key";
    /** The token a gateway announces itself with; workers present it when they fetch the gateway's buffered rows. */
    public static final String GATEWAY_TOKEN_CREDENTIAL = "timefusion.gateway_token";

    private AdminCredentials() {}
}
