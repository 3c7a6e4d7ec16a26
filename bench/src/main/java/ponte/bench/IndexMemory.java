package ponte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Heap in use after a full GC, and the index's size on disk. */
record IndexMemory(long heap, long disk) {
    static IndexMemory after(Path index) throws IOException {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long disk;
        try (Stream<Path> files = Files.walk(index)) {
            disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        return new IndexMemory(rt.totalMemory() - rt.freeMemory(), disk);
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

    @Override
    public String toString() {
        return "heap after GC " + mib(heap) + ", index on disk " + mib(disk);
    }
}
