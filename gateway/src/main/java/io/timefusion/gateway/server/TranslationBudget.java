package io.timefusion.gateway.server;

import com.google.inject.Inject;

import java.util.concurrent.Semaphore;

/**
 * Statement text being translated (parsed by JSqlParser, which holds many times the text while it works) across all
 * sessions at once, bounded by one largest statement ({@link InputLimits}). A session whose statement does not fit
 * waits for others to finish translating; fairness keeps a large statement from starving behind small ones.
 * Nothing but translation holds the budget: never a Trino round trip or a slow client.
 */
public class TranslationBudget
{
    private final int total;
    private final Semaphore available;

    @Inject
    public TranslationBudget(InputLimits limits)
    {
        this(limits.messageLimits().maxStatement());
    }

    TranslationBudget(int totalChars)
    {
        this.total = totalChars;
        this.available = new Semaphore(totalChars, true);
    }

    /** Held while the text is translated; close it right after. */
    public interface Permit
            extends AutoCloseable
    {
        @Override
        void close();
    }

    Permit acquire(String text)
            throws InterruptedException
    {
        // a statement passed the size check, but its text in chars may still exceed a budget counted in bytes of UTF-8
        int chars = Math.clamp(text.length(), 1, total);
        available.acquire(chars);
        return () -> available.release(chars);
    }
}
