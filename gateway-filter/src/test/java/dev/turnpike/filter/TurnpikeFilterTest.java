package dev.turnpike.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter in a real Jetty over real TLS, a real client, a real backend on loopback. */
class TurnpikeFilterTest {

    @TempDir
    static Path dir;

    static EchoBackend backend;
    static Server jetty;
    static HttpClient client;
    static String https;
    static String http;

    @BeforeAll
    static void start() throws Exception {
        backend = new EchoBackend();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TurnpikeConfig config = TurnpikeConfig.from(Map.of(
                "turnpike.stages", "qa",
                "turnpike.stage.qa.variables.port", Integer.toString(backend.port()),
                "turnpike.stage.qa.variables.base", "api",
                "turnpike.stage.qa.variables.closedPort", Integer.toString(closedPort)));
        Gateway gateway = Gateway.create(new TestApi(), config);

        TestTls tls = TestTls.create(dir);
        jetty = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore.toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        HttpConfiguration httpsConfig = new HttpConfiguration();
        httpsConfig.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector secure = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(httpsConfig));
        secure.setHost("127.0.0.1");
        ServerConnector plain = new ServerConnector(jetty);
        plain.setHost("127.0.0.1");
        jetty.addConnector(secure);
        jetty.addConnector(plain);
        Gateway behindProxy = Gateway.create(new TestApi(), TurnpikeConfig.from(Map.of(
                "turnpike.stages", "qa", "turnpike.trustForwardedProto", "true")));
        jetty.setHandler(new ContextHandlerCollection(
                context("/", gateway), context("/behind-proxy", behindProxy)));
        jetty.start();
        https = "https://127.0.0.1:" + secure.getLocalPort();
        http = "http://127.0.0.1:" + plain.getLocalPort();
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }

    static ServletContextHandler context(String path, Gateway gateway) {
        ServletContextHandler context = new ServletContextHandler(path);
        FilterHolder filter = new FilterHolder(new TurnpikeFilter(gateway));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(599); // never reached: the filter answers everything
            }
        }), "/");
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        backend.close();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mockAnswersWithItsResponseTemplateAndStaticHeaders() throws Exception {
        HttpResponse<String> r = get(https + "/qa/ping");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"pong\":true}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("X-Mocked")).hasValue("yes");
        assertThat(r.headers().firstValue("x-amzn-RequestId").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void mockStatusCodeSelectsTheIntegrationResponse() throws Exception {
        HttpResponse<String> r = get(https + "/qa/teapot");
        assertThat(r.statusCode()).isEqualTo(418);
        assertThat(r.body()).isEqualTo("short and stout");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void httpProxyForwardsMethodPathQueryHeadersAndBody() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(https + "/qa/orders/7%2B1?a=1&b=x%20y"))
                .header("X-Client", "c1").header("X-Forwarded-For", "10.9.8.7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Backend")).hasValue("echo");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.body()).contains("method=POST\n", "uri=/api/orders/7%2B1?a=1&b=x%20y\n",
                "header.x-client=c1\n", "header.x-stage=qa\n", "header.x-forwarded-for=10.9.8.7, 127.0.0.1\n",
                "header.x-forwarded-proto=https\n", "body={\"qty\":2}");
    }

    @Test
    void httpProxyStreamsALargeBodyBothWays() throws Exception {
        String big = "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(https + "/qa/orders/big"))
                .PUT(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).startsWith("method=PUT\n").endsWith("body=" + big);
    }

    @Test
    void slowBackendTimesOutWith504() throws Exception {
        HttpResponse<String> r = get(https + "/qa/slow/2000");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    }

    @Test
    void unreachableBackendIsAnIntegrationFailure() throws Exception {
        HttpResponse<String> r = get(https + "/qa/down");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @Test
    void unknownRouteOrMethodIsMissingAuthenticationToken() throws Exception {
        for (String path : new String[] {"/qa/nope", "/qa/ping/extra", "/qa"}) {
            HttpResponse<String> r = get(https + path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        }
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(https + "/qa/ping"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownStageIsForbidden() throws Exception {
        HttpResponse<String> r = get(https + "/prod/ping");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> r = get(http + "/qa/ping");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"HTTPS is required\"}");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void forwardedProtoCountsOnlyWhenTrusted() throws Exception {
        HttpRequest.Builder viaProxy = HttpRequest.newBuilder().header("X-Forwarded-Proto", "https");
        HttpResponse<String> untrusted = client.send(viaProxy.uri(URI.create(http + "/qa/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(untrusted.statusCode()).isEqualTo(403);
        assertThat(untrusted.body()).isEqualTo("{\"message\":\"HTTPS is required\"}");
        HttpResponse<String> trusted = client.send(viaProxy.uri(URI.create(http + "/behind-proxy/qa/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(trusted.statusCode()).isEqualTo(200);
        assertThat(trusted.body()).isEqualTo("{\"pong\":true}");
        HttpResponse<String> noHeader = get(http + "/behind-proxy/qa/ping");
        assertThat(noHeader.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownVpcLinkAnswers500WithoutCallingAnyBackend() throws Exception {
        HttpResponse<String> r = get(https + "/qa/private");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }
}
