package dev.turnpike.filter.websocket;

import dev.turnpike.runtime.websocket.ClientConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Jakarta WebSocket session as the gateway's {@link ClientConnection}. Sends are queued and written one at a
 * time with the async remote: a container refuses a second async send while one is in flight, and the gateway
 * sends from several threads (route answers, {@code @connections} posts).
 */
final class SessionConnection implements ClientConnection {

    private final Session session;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    SessionConnection(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text) {
        queue.add(text);
        sendNext();
    }

    private void sendNext() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            if (!session.isOpen()) {
                queue.clear();
                sending.set(false);
                return;
            }
            session.getAsyncRemote().sendText(next, result -> {
                sending.set(false);
                sendNext();
            });
            return;
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException e) {
            // the connection is gone already: the container reports the close to the endpoint
        }
    }
}
