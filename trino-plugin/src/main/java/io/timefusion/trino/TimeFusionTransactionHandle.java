package io.timefusion.trino;

import io.trino.spi.connector.ConnectorTransactionHandle;

/** Every statement commits on its own (Delta commits are per INSERT), so one handle serves all transactions. */
public enum TimeFusionTransactionHandle
        implements ConnectorTransactionHandle
{
    INSTANCE
}
