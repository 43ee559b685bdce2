package io.timefusion.trino.buffer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.timefusion.contract.AdminCredentials.GATEWAY_TOKEN_CREDENTIAL;

/** The rules of the buffer protocol (docs/ingest.md, "The write buffer") for announce_gateway; each broken rule is reported, and a token is never echoed. */
final class GatewayValidation
{
    private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    // the gateway's token: 32 random bytes in URL-safe base64 without padding
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private GatewayValidation() {}

    static Optional<String> gatewayIdProblem(String gatewayId)
    {
        return gatewayId != null && GATEWAY_ID.matcher(gatewayId).matches()
                ? Optional.empty()
                : Optional.of("gateway_id: 1 to 128 letters, digits, '.', '_' or '-'");
    }

    static List<String> announcementProblems(String gatewayId, String url, String token)
    {
        List<String> problems = new ArrayList<>();
        gatewayIdProblem(gatewayId).ifPresent(problems::add);
        if (url == null || normalizedUrl(url).isEmpty()) {
            problems.add("url: an absolute http or https URL with a host and without user info, query or fragment");
        }
        if (token == null) {
            problems.add("token: pass the gateway's token in the extra credential %s (never in the statement, which Trino keeps in its query history)"
                    .formatted(GATEWAY_TOKEN_CREDENTIAL));
        }
        else if (!TOKEN.matcher(token).matches()) {
            problems.add("token: the extra credential %s must be 43 characters of URL-safe base64".formatted(GATEWAY_TOKEN_CREDENTIAL));
        }
        return problems;
    }

    /** The URL without trailing slashes, to which the fetch appends the buffer protocol's rows path; empty if it breaks a rule. */
    static Optional<String> normalizedUrl(String url)
    {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
        boolean valid = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null
                && uri.getRawUserInfo() == null
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!valid) {
            return Optional.empty();
        }
        String normalized = url;
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return Optional.of(normalized);
    }
}
