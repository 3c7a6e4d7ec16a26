package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    /** A group: its name and the threads (by {@code comm}) it takes, first match wins; the last should take any. */
    record Group(String name, Predicate<String> takes) {}

    /** A thread at one reading: its group and its CPU ticks so far. */
    private record Seen(String group, long ticks) {}

    /** Threads that ended within a window took their ticks out of {@code /proc/self/task}; the process's total keeps them. */
    static final String ENDED = "threads that ended meanwhile";

    private final List<Group> groups;
    private final Map<String, Map<String, Long>> ticksBySide = new LinkedHashMap<>();
    private Map<String, Seen> startedAt = Map.of();
    private long processStartedAt;

    ThreadGroupsCpu(List<Group> groups) {
        this.groups = groups;
    }

    /** Whether this platform can be read (Linux's {@code /proc}). */
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    void start() {
        startedAt = threads();
        processStartedAt = processTicks();
    }

    /**
     * Adds the window since {@link #start()} to {@code side}: each thread alive at its end by what it used since the start
     * (all of it if it started meanwhile), and what the process used beyond those to {@link #ENDED}.
     */
    void stop(String side) {
        Map<String, Seen> now = threads();
        long process = processTicks() - processStartedAt;
        Map<String, Long> sums = ticksBySide.computeIfAbsent(side, s -> new LinkedHashMap<>());
        groups.forEach(g -> sums.putIfAbsent(g.name(), 0L));
        long counted = 0;
        for (var e : now.entrySet()) {
            Seen before = startedAt.get(e.getKey());
            long used = e.getValue().ticks() - (before == null ? 0 : before.ticks());
            sums.merge(e.getValue().group(), used, Long::sum);
            counted += used;
        }
        sums.merge(ENDED, Math.max(0, process - counted), Long::sum);
    }

    /** CPU seconds of {@code group} over {@code side}'s windows. */
    double seconds(String side, String group) {
        return ticksBySide.getOrDefault(side, Map.of()).getOrDefault(group, 0L) * ProcTicks.MS_PER_TICK / 1000;
    }

    double total(String side) {
        return ticksBySide.getOrDefault(side, Map.of()).values().stream().mapToLong(Long::longValue).sum() * ProcTicks.MS_PER_TICK / 1000;
    }

    List<String> groupNames() {
        List<String> names = new java.util.ArrayList<>(groups.stream().map(Group::name).toList());
        names.add(ENDED);
        return names;
    }

    private static long processTicks() {
        try {
            return ProcTicks.of(Path.of("/proc/self/stat"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every thread now, by thread id. */
    private Map<String, Seen> threads() {
        Map<String, Seen> seen = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    long ticks = ProcTicks.of(task.resolve("stat"));
                    String group = groups.stream().filter(g -> g.takes().test(comm)).findFirst().map(Group::name).orElseThrow();
                    seen.put(task.getFileName().toString(), new Seen(group, ticks));
                } catch (IOException | RuntimeException gone) {
                    // The thread ended while being read.
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seen;
    }
}
