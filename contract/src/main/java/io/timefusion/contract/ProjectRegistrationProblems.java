package io.timefusion.contract;

import java.util.List;

/**
 * The message of a {@link ConnectorErrorCode#TIMEFUSION_INVALID_PROJECT_REGISTRATION} failure: one line that reads well
 * in a Trino client, from which the gateway recovers the list of problems for its JSON answer.
 */
public final class ProjectRegistrationProblems
{
    private static final String PREFIX = "Invalid project registration: ";
    private static final String SEPARATOR = "; ";

    private ProjectRegistrationProblems() {}

    public static String message(List<String> problems)
    {
        return PREFIX + String.join(SEPARATOR, problems);
    }

    /** The problems a {@link #message} lists; a message of another form is one problem. */
    public static List<String> problems(String message)
    {
        if (!message.startsWith(PREFIX)) {
            return List.of(message);
        }
        return List.of(message.substring(PREFIX.length()).split(SEPARATOR));
    }
}
