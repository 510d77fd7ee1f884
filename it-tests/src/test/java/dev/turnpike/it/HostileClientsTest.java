package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.http.UriCompliance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that try to get a second request past the gateway to its backend (request smuggling), to leave the
 * integration's base path through a greedy {@code {proxy+}}, or to hold the container's threads by sending slowly.
 * The backend behind {@code HTTP_PROXY} is a {@link RawBackend} that records every request head it gets: what a test
 * asserts is what reached it.
 */
class HostileClientsTest {

    @TempDir
    static Path dir;

    static RawBackend backend;
    static FilterInJetty jetty;
    /** The same gateway in a Jetty told to accept every URI it can parse: the gateway's own checks are all there is. */
    static FilterInJetty unsafeJetty;
    static TestTls tls;

    @BeforeAll
    static void start() throws Exception {
        backend = new RawBackend();
        tls = TestTls.create(dir);
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev"));
        jetty = FilterInJetty.serve(tls, Gateway.create(api(backend.port()), config));
        unsafeJetty = FilterInJetty.serve(tls, Gateway.create(api(backend.port()), config), UriCompliance.UNSAFE);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        unsafeJetty.close();
        backend.close();
    }

    static SmallApi api(int port) {
        Operation proxy = Operation.on("ANY", "/proxy/{proxy+}").requestParameter("method.request.path.proxy", true)
                .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("ANY")
                        .uri("http://127.0.0.1:" + port + "/base/{proxy}").timeoutInMillis(5000)
                        .requestParameter("integration.request.path.proxy", "method.request.path.proxy").build())
                .build();
        RouteNode routes = RouteNode.resource("/")
                .literal("proxy", RouteNode.resource("/proxy")
                        .greedy("proxy", RouteNode.resource("/proxy/{proxy+}").method(proxy).build()).build())
                .build();
        return new SmallApi("hostile-clients", routes, List.of(proxy));
    }

    // ---- request smuggling ----

    /** Each a request whose framing or headers are ambiguous, followed by a request that must never be forwarded. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
        "Content-Length: 0\r\nContent-Length: 44\r\n\r\n",
        "Content-Length: 0, 44\r\n\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: identity, chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding : chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
        "X-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n",
        "X-Folded: a\r\n\tTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n",
        "X-Cr: a\rContent-Length: 44\r\nContent-Length: 0\r\n\r\n",
        "X-Lf: a\nContent-Length: 44\r\n\r\n",
        "X-Nul: a\0b\r\nContent-Length: 0\r\n\r\n",
    })
    void anAmbiguousRequestNeverCarriesASecondOneToTheBackend(String rest) throws Exception {
        String smuggled = "GET /dev/proxy/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String request = "POST /dev/proxy/front HTTP/1.1\r\nHost: 127.0.0.1\r\n" + rest + smuggled;
        String outcome = send(jetty, request);
        System.out.println(printable(rest) + " -> " + outcome);
        assertThat(backend.heads()).noneMatch(head -> head.contains("smuggled"));
        for (String head : backend.heads()) {
            assertThat(head).doesNotContain("\0").doesNotContain("\r\n ").doesNotContain("\r\n\t");
            assertThat(head.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        }
        assertServing(jetty);
    }

    @Test
    void aCleanPipelinedRequestIsServedAsItsOwnRequest() throws Exception {
        // the control case: two honest requests on one connection are two requests, each seen by the gateway
        String two = "GET /dev/proxy/one HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "GET /dev/proxy/two HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (RawHttps raw = RawHttps.open(jetty.root(), tls)) {
            raw.write(two);
            assertThat(raw.readResponse().body()).isEqualTo("GET /base/one HTTP/1.1");
            assertThat(raw.readResponse().body()).isEqualTo("GET /base/two HTTP/1.1");
        }
    }

    // ---- greedy paths ----

    @ParameterizedTest
    @ValueSource(strings = {"/dev/proxy/%2e%2e/secret", "/dev/proxy/%2E%2E/%2E%2E/secret", "/dev/proxy/..%2Fsecret",
        "/dev/proxy/a%2F..%2F..%2Fsecret", "/dev/proxy/%2e%2e%2f%2e%2e%2fsecret", "/dev/proxy//secret",
        "/dev/proxy/a/../../secret", "/dev/proxy/a/%2e%2e/%2e%2e/secret", "/dev/proxy/./../secret",
        "/dev/proxy/a/..", "/dev/proxy/%252e%252e/secret", "/dev/proxy/a;/../../secret",
        "/dev/proxy/..;/secret", "/dev/proxy/a/..;x/..;/secret",
        "/dev/proxy/a\\..\\..\\secret", "/dev/proxy/%5c..%5csecret"})
    void aGreedyPathNeverLeavesTheBasePath(String target) throws Exception {
        for (FilterInJetty served : List.of(jetty, unsafeJetty)) {
            int before = backend.heads().size();
            String outcome = send(served, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
            List<String> got = new ArrayList<>(backend.heads().subList(before, backend.heads().size()));
            System.out.println((served == jetty ? "default " : "unsafe  ") + target + " -> " + outcome
                    + " backend got " + got.stream().map(h -> h.split("\r\n", 2)[0]).toList());
            for (String head : got) {
                String path = head.split(" ", 3)[1];
                assertThat(path).as(target).startsWith("/base/");
                // no dot segment, not even one a Tomcat backend would see through its path parameter (..;x)
                assertThat(Stream.of(path.split("\\?")[0].split("/")).map(segment -> segment.split(";", 2)[0]))
                        .as(target).doesNotContain("..", ".");
            }
            assertServing(served);
        }
    }

    // ---- slow clients ----

    @Test
    void slowClientsHoldNoContainerThreads() throws Exception {
        assertServing(jetty);
        long jettyThreadsBefore = jettyThreads();
        List<SSLSocket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                SSLSocket socket = (SSLSocket) tls.clientContext().getSocketFactory()
                        .createSocket("127.0.0.1", jetty.root().getPort());
                socket.startHandshake();
                slow.add(socket);
                String partial = i % 2 == 0
                        ? "GET /dev/proxy/slow-head HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: " // the head never ends
                        : "POST /dev/proxy/slow-body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nab";
                socket.getOutputStream().write(partial.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
            Thread.sleep(500);
            long started = System.nanoTime();
            assertServing(jetty);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long jettyThreadsDuring = jettyThreads();
            System.out.println("60 slow clients: a request served in " + millis + " ms; container threads "
                    + jettyThreadsBefore + " -> " + jettyThreadsDuring);
            // async reads: a slow client holds a connection, not a thread (generous slack for the pool's own growth)
            assertThat(jettyThreadsDuring).isLessThan(jettyThreadsBefore + 30);
        } finally {
            for (SSLSocket socket : slow) {
                socket.close();
            }
        }
        assertServing(jetty);
    }

    // ---- helpers ----

    /** Sends raw bytes and returns what came back: statuses in order, and whether the connection closed. */
    static String send(FilterInJetty served, String request) throws Exception {
        List<String> outcome = new ArrayList<>();
        try (RawHttps raw = RawHttps.open(served.root(), tls)) {
            raw.write(request);
            for (int i = 0; i < 3; i++) {
                try {
                    RawHttps.Response r = raw.readResponse();
                    outcome.add(r.status() + (r.status() == 200 ? " " + r.body() : ""));
                    if (r.closes()) {
                        outcome.add("close");
                        break;
                    }
                } catch (IOException closed) {
                    outcome.add("closed");
                    break;
                }
            }
        }
        Thread.sleep(50); // what the backend got is recorded on its own thread
        return String.join(", ", outcome);
    }

    static void assertServing(FilterInJetty served) throws Exception {
        HttpResponse<String> r = served.client().send(HttpRequest.newBuilder(URI.create(served.root() + "/dev/proxy/ok"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("GET /base/ok HTTP/1.1");
    }

    static long jettyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("qtp")).count();
    }

    static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0").replace("\t", "\\t");
    }
}
