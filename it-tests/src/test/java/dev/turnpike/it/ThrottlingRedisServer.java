package dev.turnpike.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server for tests, on a free port of 127.0.0.1, started and stopped by the test itself (no data on
 * disk). Without the binary the tests fail on CI ({@code CI=true}) and are skipped elsewhere. The same as the
 * runtime's test {@code RedisServer}, which it-tests cannot reach (the runtime publishes no test jar).
 */
final class ThrottlingRedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private Process process;

    private ThrottlingRedisServer(int port) {
        this.port = port;
    }

    /** A started server; aborts (skips) the calling tests, or fails them on CI, when redis-server is missing. */
    static ThrottlingRedisServer startOrSkip() {
        if (!Files.isExecutable(BINARY)) {
            String missing = BINARY + " is missing (Debian: apt-get install redis-server)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + "; CI runs the Redis tests, .ci/run installs it");
            }
            Assumptions.abort(missing + "; skipping the Redis tests");
        }
        ThrottlingRedisServer server = new ThrottlingRedisServer(freePort());
        server.start();
        return server;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server on this server's port (again, after {@link #stop()}) and waits until it answers. */
    void start() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no",
                    // Redis 7 refuses DEBUG unless enabled; the fault tests use DEBUG SLEEP to make it slow.
                    "--enable-debug-command", "yes")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            if (answersPing()) {
                return;
            }
            pause(50);
        }
        stop();
        fail("redis-server on port " + port + " did not answer PING within 5 s");
    }

    /** Stops the server as a crash would look to clients: the connection drops. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes the server stop answering for {@code seconds}, as an overloaded or paused Redis would, with every
     * connection kept open: {@code DEBUG SLEEP} blocks its single thread. Returns when the server answers again.
     */
    void debugSleep(double seconds) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) (seconds * 1000) + 10_000);
            socket.getOutputStream().write(("DEBUG SLEEP " + seconds + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
            if (!reply.equals("+OK\r\n")) {
                fail("DEBUG SLEEP answered " + reply + " (Redis 7 needs enable-debug-command yes)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many clients are connected now ({@code INFO clients}), to see that reconnects do not pile up. */
    int connectedClients() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("INFO clients\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                header.append((char) c);
            }
            int length = Integer.parseInt(header.toString().trim().substring(1));
            String info = new String(in.readNBytes(length), StandardCharsets.US_ASCII);
            for (String line : info.split("\r\n")) {
                if (line.startsWith("connected_clients:")) {
                    // Less this one, which asked.
                    return Integer.parseInt(line.substring("connected_clients:".length())) - 1;
                }
            }
            throw new IllegalStateException("no connected_clients in " + info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
