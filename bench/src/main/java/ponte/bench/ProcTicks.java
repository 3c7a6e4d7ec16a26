package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from Linux's {@code /proc}: utime + stime of a process's or a thread's {@code stat} file, in ticks of 10 ms. */
final class ProcTicks {
    /** USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux this runs on. */
    static final double MS_PER_TICK = 10;

    private ProcTicks() {}

    /** Fields 14 and 15 of {@code stat}, counted after the command name (which may hold spaces and parentheses). */
    static long of(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
