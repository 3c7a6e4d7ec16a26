package ponte.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** Debian's nginx-light on a free loopback port with a temporary config, serving the page as a static file. */
final class Nginx implements AutoCloseable {
    final int port;
    private final Process process;

    private Nginx(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Nginx start(Path dir, byte[] page) throws Exception {
        Files.write(dir.resolve("page.json"), page);
        // nginx's workers drop root for an unprivileged user, who must be able to read the page.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("page.json"), PosixFilePermissions.fromString("rw-r--r--"));
        int port;
        try (java.net.ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 2;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 1000000;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    server {
                        listen 127.0.0.1:%2$d;
                        location = /v1/feed {
                            default_type "application/json;charset=utf-8";
                            alias %1$s/page.json;
                            add_header Cache-Control "private, no-cache";
                            add_header Vary "Accept, Authorization";
                        }
                    }
                }
                """.formatted(dir.toAbsolutePath(), port));
        Process process = new ProcessBuilder("nginx", "-p", dir.toAbsolutePath().toString(), "-c", dir.resolve("nginx.conf").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(port, process);
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("stdout.log")) + Files.readString(dir.resolve("error.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    /** nginx's own ETag for the file (from its mtime and size), for the 304 path. */
    String etag() throws Exception {
        var http = HttpClient.newHttpClient();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/feed")).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("nginx sent no ETag"));
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: nginx's fast shutdown; it was started by this harness and only it is stopped
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
