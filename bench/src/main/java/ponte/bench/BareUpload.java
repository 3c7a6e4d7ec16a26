package ponte.bench;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The upload reference of bench/media.sh: a bare Jetty 12 handler on a {@link LoopbackJetty} that writes the request
 * body to a file on disk with a 64 KB buffer and forces it before answering 201, as Ponte's store does (without
 * Ponte's type sniffing, SHA-256, rename, database row and audit entry). Prints its port, then serves until killed.
 * Run: {@code java -cp bench/target/ponte-bench.jar ponte.bench.BareUpload <dir>}.
 */
final class BareUpload extends Handler.Abstract {
    private final Path dir;
    private final AtomicLong next = new AtomicLong();

    BareUpload(Path dir) {
        this.dir = dir;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Path file = dir.resolve("upload-" + next.incrementAndGet());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request);
             FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
        Files.delete(file); // keep the disk as it was; the bytes were on it
        response.setStatus(201);
        callback.succeeded();
        return true;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        LoopbackJetty jetty = new LoopbackJetty(new BareUpload(dir));
        System.out.println(jetty.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
