package dev.turnpike.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket contract on embedded Jetty 12 (ee10) and its Jakarta WebSocket server. */
class WebSocketJettyTest extends WebSocketContract {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create(dir);
        server = WebSocketServer.jetty(tls, gateways(dir, tls, "it.ws.jetty"));
        clients(tls);
    }
}
