package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.turnpike.filter.TurnpikeFilter;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
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

/**
 * Mutual TLS both ways, through the real filter in Jetty with real TLS clients. Clients: a certificate signed by a
 * test CA reaches {@code $context.identity.clientCert} in a mapping template and the Lambda proxy event; a client
 * without one sees no {@code clientCert}, or cannot connect at all where Jetty needs one. Backends: a loopback
 * HTTPS backend that needs a client certificate accepts the gateway configured with
 * {@code turnpike.backend.keyStore} and sees its certificate; without it the gateway answers AWS's integration
 * failure. The certificates are made by the JDK's keytool, as {@link TestTls} makes the server's.
 */
class MutualTlsTest {

    private static final String PASSWORD = TestTls.PASSWORD;
    private static final String CLIENT_DN = "CN=Test Client, OU=QA, O=Turnpike, C=GB";
    private static final String CA_DN = "CN=Turnpike Test CA, O=Turnpike, C=GB";
    private static final String LAMBDA_ARN = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:echo/invocations";

    @TempDir
    static Path dir;

    static TestTls tls;
    static Path clientStore;
    static X509Certificate clientCertificate;
    static Server wanting;
    static Server needing;
    static HttpsServer backend;
    static final List<String> BACKEND_PEERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        tls = TestTls.create(dir);
        Path caStore = keytoolPair("ca", CA_DN, "-ext", "bc:c");
        clientStore = keytoolPair("client", CLIENT_DN);
        keytool("-certreq", "-alias", "client", "-keystore", clientStore, "-file", dir.resolve("client.csr"));
        keytool("-gencert", "-alias", "ca", "-keystore", caStore, "-infile", dir.resolve("client.csr"),
                "-outfile", dir.resolve("client.pem"), "-rfc", "-validity", "2");
        keytool("-exportcert", "-alias", "ca", "-keystore", caStore, "-file", dir.resolve("ca.pem"), "-rfc");
        keytool("-importcert", "-alias", "ca", "-keystore", clientStore, "-file", dir.resolve("ca.pem"), "-noprompt");
        keytool("-importcert", "-alias", "client", "-keystore", clientStore, "-file", dir.resolve("client.pem"));
        clientCertificate = (X509Certificate) load(clientStore).getCertificate("client");
        KeyStore clientCa = trusting(load(caStore).getCertificate("ca"));

        Path gatewayStore = keytoolPair("gateway", "CN=Turnpike Gateway, O=Turnpike");
        backend = backendNeedingACertificate(trusting(load(gatewayStore).getCertificate("gateway")));
        KeyStore backendTrust = trusting(load(tls.keyStore()).getCertificate("server"));
        Map<String, String> withCertificate = new LinkedHashMap<>(config());
        withCertificate.put("turnpike.backend.keyStore", gatewayStore.toString());
        withCertificate.put("turnpike.backend.keyStorePassword", PASSWORD);

        wanting = serve(clientCa, false, Map.of(
                "/api", Gateway.create(new MutualTlsApi(0), TurnpikeConfig.from(config())),
                "/signed", Gateway.builder(new MutualTlsApi(backend.getAddress().getPort()),
                        TurnpikeConfig.from(withCertificate)).backendTrust(backendTrust).build(),
                "/unsigned", Gateway.builder(new MutualTlsApi(backend.getAddress().getPort()),
                        TurnpikeConfig.from(config())).backendTrust(backendTrust).build()));
        needing = serve(clientCa, true, Map.of("/api", Gateway.create(new MutualTlsApi(0),
                TurnpikeConfig.from(config()))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (wanting != null) {
            wanting.stop();
        }
        if (needing != null) {
            needing.stop();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    private static Map<String, String> config() {
        return Map.of("turnpike.stages", "dev", "turnpike.lambda.echo", EchoIdentity.class.getName());
    }

    // ---- client certificates ----

    @Test
    void aTemplateSeesTheClientCertificateInAwsWords() throws Exception {
        HttpResponse<String> r = withCertificate().send(get(wanting, "/api/dev/cert"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("subject=C=GB,O=Turnpike,OU=QA,CN=Test Client\n"
                + "issuer=C=GB,O=Turnpike,CN=Turnpike Test CA\n"
                + "serial=" + serialInAwsWords() + "\n"
                + "pem=" + pem(clientCertificate));
    }

    @Test
    void theLambdaProxyEventCarriesTheClientCertificate() throws Exception {
        HttpResponse<String> r = withCertificate().send(get(wanting, "/api/dev/event"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject clientCert = Json.createReader(new StringReader(r.body())).readObject().getJsonObject("clientCert");
        assertThat(clientCert.getString("subjectDN")).isEqualTo("C=GB,O=Turnpike,OU=QA,CN=Test Client");
        assertThat(clientCert.getString("issuerDN")).isEqualTo("C=GB,O=Turnpike,CN=Turnpike Test CA");
        assertThat(clientCert.getString("serialNumber")).isEqualTo(serialInAwsWords());
        assertThat(clientCert.getString("clientCertPem")).isEqualTo(pem(clientCertificate));
        assertThat(clientCert.getJsonObject("validity").keySet()).containsExactlyInAnyOrder("notBefore", "notAfter");
        assertThat(clientCert.getJsonObject("validity").getString("notAfter")).matches(
                "[A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] 20[0-9]{2} GMT");
    }

    @Test
    void withoutACertificateThereIsNoClientCert() throws Exception {
        HttpClient client = withoutCertificate();

        HttpResponse<String> template = client.send(get(wanting, "/api/dev/cert"), HttpResponse.BodyHandlers.ofString());
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).isEqualTo("subject=\nissuer=\nserial=\npem=");

        HttpResponse<String> event = client.send(get(wanting, "/api/dev/event"), HttpResponse.BodyHandlers.ofString());
        assertThat(event.statusCode()).isEqualTo(200);
        JsonObject identity = Json.createReader(new StringReader(event.body())).readObject();
        assertThat(identity).containsKey("sourceIp").doesNotContainKey("clientCert");
    }

    @Test
    void whereJettyNeedsACertificateAClientWithoutOneCannotConnect() throws Exception {
        assertThatThrownBy(() -> withoutCertificate().send(get(needing, "/api/dev/cert"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

        HttpResponse<String> r = withCertificate().send(get(needing, "/api/dev/cert"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("subject=C=GB,O=Turnpike,OU=QA,CN=Test Client\n");
    }

    // ---- the gateway's certificate to backends ----

    @Test
    void aBackendThatNeedsACertificateSeesTheGatewaysOne() throws Exception {
        HttpResponse<String> r = withoutCertificate().send(get(wanting, "/signed/dev/backend"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("CN=Turnpike Gateway,O=Turnpike");
    }

    @Test
    void withoutACertificateToPresentTheGatewayAnswersAwsIntegrationFailure() throws Exception {
        HttpResponse<String> r = withoutCertificate().send(get(wanting, "/unsigned/dev/backend"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    // ---- the gateway in Jetty, asking clients for a certificate ----

    /** Jetty serving each gateway under its context path, wanting (or needing) certificates signed by the CA. */
    private static Server serve(KeyStore clientCa, boolean need, Map<String, Gateway> byContextPath)
            throws Exception {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(PASSWORD);
        ssl.setTrustStore(clientCa);
        ssl.setWantClientAuth(true);
        ssl.setNeedClientAuth(need);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        byContextPath.forEach((path, gateway) -> {
            ServletContextHandler context = new ServletContextHandler(path);
            FilterHolder filter = new FilterHolder(new TurnpikeFilter(gateway));
            filter.setAsyncSupported(true);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse resp) {
                    resp.setStatus(599); // never reached: the filter answers every request
                }
            }), "/");
            contexts.addHandler(context);
        });
        jetty.setHandler(contexts);
        jetty.start();
        return jetty;
    }

    private static HttpRequest get(Server jetty, String path) {
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).build();
    }

    /** A client presenting the CA-signed certificate; each test its own, so no TLS session is shared. */
    private static HttpClient withCertificate() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(clientStore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusting(load(tls.keyStore()).getCertificate("server")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpClient withoutCertificate() throws Exception {
        return HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }

    // ---- the backend, needing the gateway's certificate ----

    /** Answers with the subject of the client certificate it was shown; refuses a handshake without one. */
    private static HttpsServer backendNeedingACertificate(KeyStore gatewayCertificate) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(tls.keyStore()), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(gatewayCertificate);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            String peer = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
            byte[] body = peer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    // ---- certificates ----

    /** A new PKCS12 file holding a key pair and a self-signed certificate for {@code dname}. */
    private static Path keytoolPair(String alias, String dname, String... more) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        List<Object> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-keystore", store));
        args.addAll(List.of(more));
        keytool(args.toArray());
        return store;
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static KeyStore trusting(Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("trusted", certificate);
        return store;
    }

    /** keytool's serial numbers are 64 random bits: decimal when the top bit is clear, else hex bytes. */
    private static String serialInAwsWords() {
        BigInteger serial = clientCertificate.getSerialNumber();
        if (serial.bitLength() < 64) {
            return serial.toString();
        }
        return HexFormat.ofDelimiter(":").formatHex(serial.toByteArray(), 1, 9);
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The function behind {@code GET /event}: answers with the event's {@code requestContext.identity}. */
    public static final class EchoIdentity implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            JsonObject event = Json.createReader(input).readObject();
            String identity = event.getJsonObject("requestContext").getJsonObject("identity").toString();
            output.write(Json.createObjectBuilder().add("statusCode", 200).add("body", identity).build().toString()
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code GET /cert} (MOCK, the certificate in a template), {@code /event} (AWS_PROXY) and {@code /backend}. */
    private static final class MutualTlsApi implements GeneratedApi {
        private final List<Operation> operations;
        private final RouteNode routes;

        MutualTlsApi(int backendPort) {
            Operation cert = Operation.on("GET", "/cert").integration(Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200").responseTemplate("application/json",
                            "subject=$context.identity.clientCert.subjectDN\n"
                                    + "issuer=$context.identity.clientCert.issuerDN\n"
                                    + "serial=$context.identity.clientCert.serialNumber\n"
                                    + "pem=$context.identity.clientCert.clientCertPem").build())
                    .build()).build();
            Operation event = Operation.on("GET", "/event").integration(Integration.of(IntegrationType.AWS_PROXY)
                    .httpMethod("POST").uri(LAMBDA_ARN).build()).build();
            Operation toBackend = Operation.on("GET", "/backend").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("GET").uri("https://127.0.0.1:" + backendPort + "/").build()).build();
            this.operations = List.of(cert, event, toBackend);
            this.routes = RouteNode.resource("/")
                    .literal("cert", RouteNode.resource("/cert").method(cert).build())
                    .literal("event", RouteNode.resource("/event").method(event).build())
                    .literal("backend", RouteNode.resource("/backend").method(toBackend).build())
                    .build();
        }

        @Override
        public String name() {
            return "mtls";
        }

        @Override
        public String title() {
            return "mtls";
        }

        @Override
        public String deploymentId() {
            return "mtls000001";
        }

        @Override
        public String source() {
            return "MutualTlsTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }
    }
}
