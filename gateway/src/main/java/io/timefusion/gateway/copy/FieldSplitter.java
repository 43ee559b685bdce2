package io.timefusion.gateway.copy;

import java.util.List;

/** Splits one record of COPY input into its fields; a null field is SQL NULL. */
sealed interface FieldSplitter
        permits TextFieldSplitter, CsvFieldSplitter
{
    List<String> split(byte[] buffer, int start, int end);

    static FieldSplitter of(CopyFormat format)
    {
        return switch (format.kind()) {
            case TEXT -> new TextFieldSplitter(format);
            case CSV -> new CsvFieldSplitter(format);
            case BINARY -> throw new IllegalArgumentException("binary COPY has no text fields");
        };
    }
}
