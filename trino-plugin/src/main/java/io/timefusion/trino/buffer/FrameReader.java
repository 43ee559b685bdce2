package io.timefusion.trino.buffer;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.TrinoException;

import java.io.IOException;
import java.io.InputStream;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT;

/**
 * Reads the frames of a buffer fetch one at a time (docs/ingest.md, "The write buffer"): int32 little-endian length, then that many bytes of
 * one batch; length 0 ends the stream. Only the current frame is held, so memory stays bounded however many rows the
 * gateway streams; a frame longer than {@link #MAX_FRAME_BYTES} is refused before it is allocated.
 */
final class FrameReader
{
    // a frame holds at most 8,192 rows: 256 MiB allows 32 kB per row, far above what log rows carry
    static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;

    private final InputStream input;
    private final String gateway;
    private long bytesRead;

    /** @param gateway how errors name the gateway: its id and host:port */
    FrameReader(InputStream input, String gateway)
    {
        this.input = input;
        this.gateway = gateway;
    }

    /**
     * @return the next batch, or null after the end frame
     * @throws IOException when reading fails, the fetch deadline included
     */
    Slice next()
            throws IOException
    {
        byte[] header = input.readNBytes(Integer.BYTES);
        if (header.length < Integer.BYTES) {
            throw cutShort();
        }
        int length = Slices.wrappedBuffer(header).getInt(0);
        bytesRead += Integer.BYTES;
        if (length == 0) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new TrinoException(TIMEFUSION_BUFFER_CORRUPT, "%s sent a frame of %d bytes (at most %d are accepted)".formatted(capitalized(), length, MAX_FRAME_BYTES));
        }
        byte[] frame = input.readNBytes(length);
        if (frame.length < length) {
            throw cutShort();
        }
        bytesRead += length;
        return Slices.wrappedBuffer(frame);
    }

    long bytesRead()
    {
        return bytesRead;
    }

    private TrinoException cutShort()
    {
        return new TrinoException(TIMEFUSION_BUFFER_CORRUPT, "%s ended its buffered rows without the end frame after %d bytes: the stream was cut short".formatted(capitalized(), bytesRead));
    }

    private String capitalized()
    {
        return Character.toUpperCase(gateway.charAt(0)) + gateway.substring(1);
    }
}
