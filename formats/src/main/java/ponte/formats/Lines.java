package ponte.formats;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read a line at a time (newline-delimited JSON), in constant memory: a line that fits in the read
 * buffer is handed out where it lies, without copying; a longer one is gathered, up to {@code max} bytes, beyond which
 * it is skipped to its end and reported too long. "\r\n" ends a line as "\n" does.
 */
public final class Lines {
    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] gathered = new byte[0];
    private byte[] bytes;
    private int offset;
    private int length;
    private boolean tooLong;
    private boolean ended;

    public Lines(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** Moves to the next line; false once the body has ended (a last line without a newline still counts). */
    public boolean next() throws IOException {
        tooLong = false;
        int kept = 0;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    if (kept == 0) {
                        view(buffer, position, i - position);
                    } else {
                        kept = gather(kept, position, i - position);
                        view(gathered, 0, kept);
                    }
                    position = i + 1;
                    return true;
                }
            }
            kept = gather(kept, position, limit - position);
            position = limit;
            if (ended || !fill()) {
                if (kept == 0 && !tooLong) {
                    return false;
                }
                view(gathered, 0, kept);
                return true;
            }
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** Whether the line was longer than {@code max} bytes (its bytes are then only its start). */
    public boolean tooLong() {
        return tooLong;
    }

    public boolean blank() {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void view(byte[] from, int start, int count) {
        if (count > 0 && from[start + count - 1] == '\r') {
            count--;
        }
        bytes = from;
        offset = start;
        length = count;
    }

    private int gather(int kept, int from, int count) {
        int room = Math.min(count, max - kept);
        if (room < count) {
            tooLong = true;
        }
        if (room <= 0) {
            return kept;
        }
        if (gathered.length < kept + room) {
            gathered = java.util.Arrays.copyOf(gathered, Math.min(max, Math.max(kept + room, gathered.length * 2)));
        }
        System.arraycopy(buffer, from, gathered, kept, room);
        return kept + room;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read < 0) {
            ended = true;
            limit = 0;
            position = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
