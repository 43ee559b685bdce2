package io.timefusion.gateway.pgwire.protocol;

/** The transaction state reported by ReadyForQuery. */
public enum TransactionStatus
{
    IDLE('I'),
    IN_TRANSACTION('T'),
    /** In a failed transaction block: statements are refused until it ends. */
    FAILED('E');

    private final byte indicator;

    TransactionStatus(char indicator)
    {
        this.indicator = (byte) indicator;
    }

    public byte indicator()
    {
        return indicator;
    }
}
