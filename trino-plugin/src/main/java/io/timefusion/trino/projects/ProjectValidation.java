package io.timefusion.trino.projects;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a registration must follow; each broken rule is reported, so one answer lists every bad field. */
public final class ProjectValidation
{
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    // S3 bucket naming rules: 3-63 of lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]{0,512}");

    private ProjectValidation() {}

    public static List<String> problems(String projectId, String bucket, String accessKey, String secretKey, String endpoint, String prefix)
    {
        List<String> problems = new ArrayList<>();
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            problems.add("project_id: 1 to 128 letters, digits, '-' or '_'");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
            problems.add("bucket: not a valid S3 bucket name (3-63 lower-case letters, digits, '.' and '-')");
        }
        if (accessKey == null || accessKey.length() < 16 || accessKey.length() > 128) {
            problems.add("access_key: 16 to 128 characters");
        }
        if (secretKey == null || secretKey.length() < 16 || secretKey.length() > 128) {
            problems.add("secret_key: 16 to 128 characters");
        }
        if (endpoint != null && !isHttpUrl(endpoint)) {
            problems.add("endpoint: an http or https URL");
        }
        if (prefix != null && (!PREFIX.matcher(prefix).matches() || prefix.contains(".."))) {
            problems.add("prefix: letters, digits, '.', '_', '-' and '/'");
        }
        return problems;
    }

    private static boolean isHttpUrl(String value)
    {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }
}
