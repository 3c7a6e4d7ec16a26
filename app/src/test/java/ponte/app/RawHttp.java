package ponte.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over one kept-alive socket that sends a request exactly as given: a target no URI class would
 * build ({@code %ff}, {@code %2e%2e}), headers of any size. A stream (text/event-stream) is answered by its headers
 * and the connection closed; so is any connection the server closes.
 */
final class RawHttp implements AutoCloseable {
    /** An answer: status, headers by lower-case name, and the body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** The exchange before this one, for a failure to name: an answer out of step is usually its leftover. */
    private String last = "nothing";

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Answer send(Call call) throws IOException {
        Answer answer;
        try {
            answer = exchange(call);
        } catch (IOException stale) {
            close(); // the server closed a kept-alive connection between requests: once more on a new one
            answer = exchange(call);
        }
        last = call + " -> " + answer.status() + " " + answer.headers();
        return answer;
    }

    private Answer exchange(Call call) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (call.key() != null) {
            head.append("Authorization: Bearer ").append(call.key()).append("\r\n");
        }
        if (call.contentType() != null) {
            head.append("Content-Type: ").append(call.contentType()).append("\r\n");
        }
        for (String[] h : call.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        byte[] body = call.body() == null ? new byte[0] : call.body();
        if (call.body() != null || !call.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.writeBytes(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        request.writeBytes(body);
        try {
            out.write(request.toByteArray());
            out.flush();
        } catch (IOException refusedMidway) {
            // The server may answer before it has read everything (413, 431) and close: its answer is still there to read.
            return read(call.method().equals("HEAD"));
        }
        return read(call.method().equals("HEAD"));
    }

    private Answer read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before an answer");
        }
        String[] parts = statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            close();
            throw new IllegalStateException("not a status line: '" + statusLine + "' (after " + last + ")");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            close();
            return new Answer(status, headers, new byte[0]);
        } else if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            close();
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Answer(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket the server may have closed already
            }
        }
        socket = null;
    }
}
