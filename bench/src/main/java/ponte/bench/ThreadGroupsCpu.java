package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by group, native ones included (the collector's and the JIT's threads, which
 * neither JFR's samples nor {@code ThreadMXBean} see), read from Linux's {@code /proc/self/task/<tid>/stat} (utime +
 * stime, in clock ticks of 10 ms) and named by {@code comm} (the first 15 characters of the thread's name). Windows are
 * summed per side: {@link #start()} before a side's step, {@link #stop(String)} after it, so the threads of both sides
 * that ran in a window count for the side measured in it.
 */
final class ThreadGroupsCpu {
    private static final double TICK_SECONDS = 0.01; // USER_HZ is 100 on Linux

    /** A group: its name and the threads (by {@code comm}) it takes, first match wins. */
    record Group(String name, Predicate<String> takes) {}

    private final List<Group> groups;
    private final Map<String, Map<String, Long>> ticksBySide = new LinkedHashMap<>();
    private Map<String, Long> startedAt = Map.of();
    private long processStartedAt;
    /** Threads that ended within a window took their ticks out of {@code /proc/self/task}; the process's total keeps them. */
    static final String ENDED = "threads that ended meanwhile";

    ThreadGroupsCpu(List<Group> groups) {
        this.groups = groups;
    }

    /** Whether this platform can be read (Linux's {@code /proc}). */
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    void start() {
        startedAt = byGroup();
        processStartedAt = processTicks();
    }

    void stop(String side) {
        Map<String, Long> now = byGroup();
        long process = processTicks() - processStartedAt;
        Map<String, Long> sums = ticksBySide.computeIfAbsent(side, s -> new LinkedHashMap<>());
        long counted = 0;
        for (var e : now.entrySet()) {
            long delta = e.getValue() - startedAt.getOrDefault(e.getKey(), 0L);
            sums.merge(e.getKey(), delta, Long::sum);
            counted += delta;
        }
        sums.merge(ENDED, Math.max(0, process - counted), Long::sum);
    }

    /** CPU seconds of {@code group} over {@code side}'s windows. */
    double seconds(String side, String group) {
        return ticksBySide.getOrDefault(side, Map.of()).getOrDefault(group, 0L) * TICK_SECONDS;
    }

    double total(String side) {
        return ticksBySide.getOrDefault(side, Map.of()).values().stream().mapToLong(Long::longValue).sum() * TICK_SECONDS;
    }

    List<String> groupNames() {
        List<String> names = new java.util.ArrayList<>(groups.stream().map(Group::name).toList());
        names.add(ENDED);
        return names;
    }

    private static long processTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ticks so far per group; a thread that ended between two reads takes its ticks with it (a small undercount). */
    private Map<String, Long> byGroup() {
        Map<String, Long> sums = new LinkedHashMap<>();
        groups.forEach(g -> sums.put(g.name(), 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the ")" that closes comm: state is field 3, utime 14, stime 15.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    String group = groups.stream().filter(g -> g.takes().test(comm)).findFirst().map(Group::name).orElseThrow();
                    sums.merge(group, ticks, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while being read.
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sums;
    }
}
