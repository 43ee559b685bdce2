package io.timefusion.trino.buffer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A gateway as stored under {@code _gateways/}: its token encrypted (docs/ingest.md, "The write buffer"). */
@JsonIgnoreProperties(ignoreUnknown = true)
record GatewayRecord(
        @JsonProperty("gatewayId") String gatewayId,
        @JsonProperty("url") String url,
        @JsonProperty("encryptedToken") String encryptedToken,
        @JsonProperty("heartbeatMillis") long heartbeatMillis,
        @JsonProperty("retired") boolean retired)
{
    Gateway gateway()
    {
        return new Gateway(gatewayId, url, heartbeatMillis, retired);
    }

    GatewayRecord retire()
    {
        return new GatewayRecord(gatewayId, url, encryptedToken, heartbeatMillis, true);
    }

    /** Leaves out the encrypted token, which is no business of logs either. */
    @Override
    public String toString()
    {
        return "GatewayRecord[gatewayId=%s, url=%s, heartbeatMillis=%s, retired=%s]".formatted(gatewayId, url, heartbeatMillis, retired);
    }
}
