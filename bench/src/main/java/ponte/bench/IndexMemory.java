package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Heap in use after a full GC, an index's size on disk, the process's peak RSS. */
final class IndexMemory {
    private IndexMemory() {}

    static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long disk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Prints the classes with most bytes live on the heap (the JVM's own class histogram, after a full GC). */
    static void histogram(int lines) throws Exception {
        javax.management.ObjectName command = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String histogram = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .invoke(command, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(lines + 3).forEach(System.out::println);
    }

    static String peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM")).findFirst().map(l -> l.substring(6).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String mib(long bytes) {
        return String.format("%,d MiB", bytes >> 20);
    }
}
