package io.timefusion.gateway.server;

import java.security.SecureRandom;

/** What BackendKeyData gives a client and a CancelRequest must present: a process id and a random secret. */
public record BackendKey(int processId, int secretKey)
{
    private static final SecureRandom RANDOM = new SecureRandom();

    static BackendKey random(int processId)
    {
        return new BackendKey(processId, RANDOM.nextInt());
    }
}
