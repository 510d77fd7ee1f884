package dev.turnpike.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket contract on embedded Tomcat 10.1 and its Jakarta WebSocket server. */
class WebSocketTomcatTest extends WebSocketContract {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create(dir);
        server = WebSocketServer.tomcat(tls, dir, gateways(dir, tls, "it.ws.tomcat"));
        clients(tls);
    }
}
