package ponte.bench;

import java.lang.management.ManagementFactory;

/** CPU time of the platform threads with a given name (idle ones add next to nothing). */
final class ThreadCpu {
    private ThreadCpu() {}

    static long of(String name) {
        var mx = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.threadId()))).sum();
    }
}
