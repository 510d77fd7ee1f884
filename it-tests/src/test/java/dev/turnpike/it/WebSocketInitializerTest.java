package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.filter.TurnpikeInitializer;
import dev.turnpike.runtime.websocket.WebSocketApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application carrying only a generated WebSocket API, started as a WAR is: the filter's own
 * {@link TurnpikeInitializer} finds the API with ServiceLoader in the application's class loader, reads the
 * configuration from context parameters and registers the WebSocket filter; with no REST API it registers nothing
 * else, so other requests go on to the application.
 */
class WebSocketInitializerTest {

    @TempDir
    static Path dir;

    static Server jetty;
    static int port;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.create(dir);
        WebSocketApi chat = GeneratedDefinition.load(dir, "chat.yaml", WebSocketContract.CHAT, "it.ws.initializer",
                WebSocketApi.class);
        jetty = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector secure = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        secure.setHost("127.0.0.1");
        jetty.addConnector(secure);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.setClassLoader(chat.getClass().getClassLoader()); // the WAR's: generated classes and service file
        context.setInitParameter("turnpike.stages", "dev");
        context.setInitParameter("turnpike.lambda.Echo", WsEchoHandler.class.getName());
        context.setInitParameter("turnpike.lambda.Events", WsEventHandler.class.getName());
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        context.addServletContainerInitializer(new TurnpikeInitializer());
        context.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {
                resp.getWriter().write("the application");
            }
        }), "/");
        jetty.setHandler(context);
        jetty.start();
        port = secure.getLocalPort();
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void theInitializerServesTheWebSocketApiOnItsStage() throws Exception {
        try (WsClient ws = WsClient.connect(client, URI.create("wss://127.0.0.1:" + port + "/app/dev"))) {
            ws.send("{\"action\":\"ping\"}");
            assertThat(ws.next()).startsWith("{\"pong\":\"");
            ws.send("hello");
            assertThat(ws.next()).isEqualTo("{\"route\":\"$default\",\"got\":\"hello\"}");
        }
    }

    @Test
    void otherRequestsReachTheApplication() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/app/dev/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("the application");
    }
}
