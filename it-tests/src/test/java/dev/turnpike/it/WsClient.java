package dev.turnpike.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client on one connection, keeping what it receives for the test to take. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** A close frame: code and reason. */
    record Close(int code, String reason) {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WsClient() {
    }

    /** Connects; fails with the JDK's {@code WebSocketHandshakeException} when the handshake is refused. */
    static WsClient connect(HttpClient client, URI uri, String... headers) throws Exception {
        WsClient listener = new WsClient();
        WebSocket.Builder builder = client.newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        listener.socket = builder.buildAsync(uri, listener).get(20, TimeUnit.SECONDS);
        return listener;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(20, TimeUnit.SECONDS);
    }

    /** The next whole message, waiting up to 20 seconds; {@code null} when none came. */
    String next() throws InterruptedException {
        return messages.poll(20, TimeUnit.SECONDS);
    }

    /** The next message if one comes within {@code millis}. */
    String next(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The server's close frame, waiting up to {@code seconds}. */
    Close closed(long seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    void close(int code) throws Exception {
        socket.sendClose(code, "bye").get(20, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
