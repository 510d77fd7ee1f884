package dev.turnpike.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend on a plain {@link ServerSocket} on 127.0.0.1 that misbehaves on purpose: what an HTTP server library
 * would never do (reset mid-request, send garbage, never answer). Each request's head is recorded as it came, so a
 * test can see every request line a gateway sent, smuggled ones included. The behaviour is chosen by the first
 * path segment; a connection that gets a well-formed answer is kept for the next request.
 */
final class RawBackend implements AutoCloseable {

    /** What the backend does with a request it has read the head of. */
    @FunctionalInterface
    interface Behaviour {
        /** Returns whether the connection can serve another request. */
        boolean answer(String head, InputStream in, Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private final java.util.Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    RawBackend() throws IOException {
        this(0);
    }

    /** Listens on {@code port} (0: any free one), as a backend coming back where it was. */
    RawBackend(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "raw-backend-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers requests whose path starts with {@code /segment}. */
    RawBackend on(String segment, Behaviour behaviour) {
        behaviours.put(segment, behaviour);
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every request head received, in order: request line and header lines, CR LF kept out. */
    List<String> heads() {
        return heads;
    }

    /** Connections accepted and not yet closed. */
    int openConnections() {
        return open.get();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.incrementAndGet();
                sockets.add(socket);
                if (server.isClosed()) { // accepted while close() ran: dropped like the others
                    socket.close();
                    continue;
                }
                Thread connection = new Thread(() -> serve(socket), "raw-backend-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            for (String head; (head = readHead(in)) != null;) {
                heads.add(head);
                String path = head.split(" ", 3)[1];
                String segment = path.split("[/?]", 3).length > 1 ? path.split("[/?]", 3)[1] : "";
                Behaviour behaviour = behaviours.getOrDefault(segment, RawBackend::ok);
                if (!behaviour.answer(head, in, socket)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the gateway went away: what a test looks at is openConnections()
        } finally {
            sockets.remove(socket);
            open.decrementAndGet();
        }
    }

    /** The head up to the blank line, or {@code null} at the end of the stream. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c; (c = in.read()) >= 0;) {
            head.write(c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    /** The value of a header in a recorded head, or {@code null}. */
    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Reads the request's body as its head frames it (length or chunks). */
    static byte[] readBody(String head, InputStream in) throws IOException {
        String length = header(head, "Content-Length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        String encoding = header(head, "Transfer-Encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.writeBytes(in.readNBytes(n));
                line(in);
            }
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new IOException("end of stream in a chunked body");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The well-behaved answer: {@code 200}, the request line as the body, the connection kept. */
    static boolean ok(String head, InputStream in, Socket socket) throws IOException {
        readBody(head, in);
        byte[] body = head.split("\r\n", 2)[0].getBytes(StandardCharsets.ISO_8859_1);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return true;
    }

    /** Closes with a TCP reset rather than a FIN. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Stops listening and drops every connection, as a backend that goes away. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
