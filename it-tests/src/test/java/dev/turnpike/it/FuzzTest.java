package dev.turnpike.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.Authorizer;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.MethodValidation;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.Gateway;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random requests at a served API (the filter in Jetty over TLS), bounded and repeatable: a fixed seed, up to 2,000
 * requests through the JDK client (random methods, paths with escapes, dot segments, unicode and long segments,
 * query strings, headers, authorization headers, API keys, content types and bodies) and 100 malformed ones written
 * on raw TLS, within a time budget. The API has a MOCK, an HTTP_PROXY to a loopback backend, an HTTP_PROXY to a
 * closed port, a non-proxy HTTP method with a template and passthrough NEVER, a Lambda proxy function, a validated
 * body, and methods behind AWS_IAM (SigV4), a Lambda TOKEN authorizer and an API key. Every answer must be one AWS could give: no 5xx
 * except the closed port's 504 (INTEGRATION_FAILURE), no body naming a Java exception or showing a stack trace,
 * and the gateway still serves a plain request at the end. About one request in six is refused by Jetty before the
 * filter (a garbage {@code Transfer-Encoding}, an empty, NUL or ambiguous path segment: Jetty 12's URI compliance);
 * those answers are checked too, as the container's.
 *
 * <p>{@code -Dturnpike.fuzz.seed=<n>} picks another seed and {@code -Dturnpike.fuzz.seconds=<s>} another budget (30 s
 * by default; given, it also lifts the 2,000 cap: the long run). Every request that got a wrong answer is written,
 * as the bytes of an HTTP/1.1 request with its seed, to {@code src/test/resources/fuzz-corpus/requests/}; every file
 * there is replayed by {@link #aKeptRequestGetsAnAnswerAwsCouldGive} on each build.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("turnpike.fuzz.seed", 20261125L);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("turnpike.fuzz.seconds", 30));
    private static final int REQUESTS = System.getProperty("turnpike.fuzz.seconds") == null ? 2_000
            : Integer.MAX_VALUE;
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/requests");
    private static final String IAM_SECRET = "fuzzSecretKey0123456789";
    private static final int RAW_REQUESTS = 100;
    private static final List<String> LEAKS = List.of("at dev.", "at java.", "at org.", "Exception", "java.",
            "jakarta.", "NullPointer", "Caused by");

    @TempDir
    static Path dir;

    static HttpServer backend;
    static int closedPort;
    static FilterInJetty jetty;
    static TestTls tls;

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        backend.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] answer = ("{\"got\": " + body.length + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        backend.start();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        tls = TestTls.create(dir);
        TurnpikeConfig config = TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.lambda.sizer", Sizer.class.getName(),
                "turnpike.lambda.gate", AllGatewayResponsesTest.Gate.class.getName(),
                "turnpike.iam.AKIDFUZZ.secretKey", IAM_SECRET,
                "turnpike.apiKeys.fuzz.value", "fuzz-key-0123456789abcdef"));
        jetty = FilterInJetty.serve(tls, Gateway.create(new Api(), config));
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
        backend.stop(0);
    }

    /** Answers how long the body was. */
    public static final class Sizer implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withBody("{\"length\": " + (event.getBody() == null ? 0 : event.getBody().length()) + "}");
        }
    }

    @Test
    void randomRequestsGetAnswersAwsCouldGive() throws Exception {
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        // The malformed requests keep a tenth of the budget: a long run would otherwise never reach them.
        long clientDeadline = started + BUDGET.toNanos() * 9 / 10;
        String previous = "";
        int sent = 0;
        for (int i = 0; i < REQUESTS && System.nanoTime() < clientDeadline; i++, sent++) {
            Attempt attempt = randomRequest(random);
            String before = previous;
            previous = attempt + " " + attempt.request().headers().map().keySet();
            int problemsBefore = problems.size();
            HttpResponse<String> r;
            try {
                r = send(attempt.request());
                boolean fromGateway = r.headers().firstValue("x-amzn-RequestId").isPresent();
                statuses.merge((fromGateway ? "gateway " : "container ") + r.statusCode(), 1, Integer::sum);
                check(attempt.toString(), r.statusCode(), r.body(), attempt.path(), fromGateway, problems);
            } catch (IOException e) {
                problems.add(attempt + ": no answer: " + e + " (after " + before + ")");
            }
            if (problems.size() > problemsBefore) {
                keep(attempt.bytes(), i, problems.get(problemsBefore));
            }
        }
        int rawRequests = REQUESTS == Integer.MAX_VALUE ? Integer.MAX_VALUE : RAW_REQUESTS;
        for (int i = 0; i < rawRequests && System.nanoTime() < deadline; i++, sent++) {
            String text = malformed(random);
            int problemsBefore = problems.size();
            sendRaw(text.getBytes(StandardCharsets.ISO_8859_1), "raw " + printable(text), statuses, problems);
            if (problems.size() > problemsBefore) {
                keep(text.getBytes(StandardCharsets.ISO_8859_1), sent, problems.get(problemsBefore));
            }
        }
        HttpResponse<String> after = jetty.client().send(HttpRequest.newBuilder(URI.create(jetty.root()
                + "/dev/mock")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("{\"ok\": true}");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("FuzzTest: seed " + SEED + ", " + sent + " requests in " + seconds + " s (budget "
                + BUDGET.toSeconds() + " s), statuses " + statuses + ", problems " + problems.size());
        // How long it took is printed, not asserted: the build machine is shared (every request has its own timeout).
        assertThat(problems).isEmpty();
    }

    /** Every request kept in the corpus: the files of {@link #CORPUS}, replayed byte for byte on raw TLS. */
    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".http")).sorted().toList().stream();
        }
    }

    /**
     * A kept request, replayed: its answer must be one AWS could give, as in the random run. The file is the request's
     * bytes after comment lines ({@code # ...}); a comment {@code # expect: <status>,<status>...} pins the status
     * too (the container's or the gateway's).
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void aKeptRequestGetsAnAnswerAwsCouldGive(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        List<String> expected = null;
        while (start < all.length && all[start] == '#') {
            int end = start;
            while (all[end] != '\n') {
                end++;
            }
            String comment = new String(all, start, end - start, StandardCharsets.UTF_8);
            if (comment.startsWith("# expect: ")) {
                expected = List.of(comment.substring("# expect: ".length()).trim().split(","));
            }
            start = end + 1;
        }
        byte[] request = Arrays.copyOfRange(all, start, all.length);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();

        sendRaw(request, file.getFileName().toString(), statuses, problems);

        assertThat(problems).isEmpty();
        if (expected != null) {
            assertThat(statuses).hasSize(1);
            String status = statuses.keySet().iterator().next();
            assertThat(status.substring(status.indexOf(' ') + 1)).isIn(expected);
        }
    }

    /** Writes {@code request} on its own TLS connection and checks what comes back; a closed connection is fine. */
    private static void sendRaw(byte[] request, String what, Map<String, Integer> statuses, List<String> problems)
            throws Exception {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        String path = text.contains(" ") ? text.split(" ", 3)[1] : "";
        try (RawHttps raw = RawHttps.open(jetty.root(), tls)) {
            raw.write(request);
            RawHttps.Response r = raw.readResponse();
            boolean fromGateway = r.headers().containsKey("x-amzn-requestid");
            statuses.merge((fromGateway ? "gateway " : "container ") + r.status(), 1, Integer::sum);
            check(what, r.status(), r.body(), path, fromGateway, problems);
        } catch (IOException closed) {
            // Closing the connection on garbage is an answer too.
        }
    }

    /** Keeps a request that got a wrong answer in the corpus, named by seed and number, with what went wrong. */
    private static void keep(byte[] request, int number, String problem) throws IOException {
        Files.createDirectories(CORPUS);
        byte[] comment = ("# found by FuzzTest, seed " + SEED + ", request " + number + ": " + printable(problem)
                + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(comment, comment.length + request.length);
        System.arraycopy(request, 0, file, comment.length, request.length);
        Files.write(CORPUS.resolve("fuzz-" + SEED + "-" + number + ".http"), file);
    }

    /**
     * Jetty answers a request it cannot parse (a {@code %00} or malformed escape in the path, HTTP/0.9) itself and
     * then closes the connection without saying so; the JDK client finds that out on its next request there. As a
     * browser does, a request that found its pooled connection closed before any byte came back is sent once more.
     */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return jetty.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                return jetty.client().send(request, HttpResponse.BodyHandlers.ofString());
            }
            throw e;
        }
    }

    /**
     * An answer of the gateway's ({@code x-amzn-RequestId}) may be 5xx only where AWS gives one (the closed port's
     * 504); one of the container's, for a request it refused to parse, may be its protocol errors.
     */
    private static void check(String what, int status, String body, String path, boolean fromGateway,
            List<String> problems) {
        if (fromGateway) {
            if (status >= 500 && !(path.startsWith("/dev/down") && status == 504)) {
                problems.add(what + ": " + status + " " + body);
            }
        } else if (!CONTAINER_STATUSES.contains(status)) {
            problems.add(what + ": the container's " + status + " " + body);
        }
        // AWS's own (recorded) message for a body $input.json cannot parse names json-smart's exception.
        String shown = body == null ? "" : body.replace("Could not process payloadnet.minidev.json.parser.ParseException",
                "Could not process payload");
        for (String leak : LEAKS) {
            if (shown.contains(leak)) {
                problems.add(what + ": body shows '" + leak + "': " + body);
            }
        }
    }

    private static final Set<Integer> CONTAINER_STATUSES = Set.of(400, 405, 411, 413, 414, 431, 501, 505);

    record Attempt(String method, String path, HttpRequest request, String note, byte[] body) {

        /** The request as HTTP/1.1 bytes, as the JDK client would write it (near enough to replay it). */
        byte[] bytes() {
            StringBuilder head = new StringBuilder(method).append(' ').append(request.uri().getRawPath());
            if (request.uri().getRawQuery() != null) {
                head.append('?').append(request.uri().getRawQuery());
            }
            head.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            request.headers().map().forEach((name, values) -> values.forEach(
                    v -> head.append(name).append(": ").append(v).append("\r\n")));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        @Override
        public String toString() {
            return method + " " + printable(path) + " " + note;
        }
    }

    // ---- the generator ----

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "GET",
        "POST", "PROPFIND", "X-CUSTOM", "TRACE"};
    private static final String[] RESOURCES = {"mock", "proxy", "proxy/a/b", "down", "down/x", "http", "lambda",
        "validated", "items", "items/1", "nowhere", "", "iam", "token", "keyed"};
    private static final String[] SEGMENTS = {"a", ".", "%20", "%25", "%C3%A9", "%E2%82%AC", "%F0%9F%98%80", "~",
        "a+b", "{id}", "$", "%7B%7D", "null", "1", "%41"};
    /** Segments Jetty refuses before the filter (ambiguous or NUL): sent less often, each costs a new connection. */
    private static final String[] REFUSED_SEGMENTS = {"..", "%2e%2e", "%2F", "%00", "%3B", ";x=1", "%5C", "%zz"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png", "*/*", "application/",
        "multipart/form-data; boundary=x", "APPLICATION/JSON", ";;;", "text/plain; charset=ebcdic"};
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
        "date", "from", "referer", "via", "warning");

    private static Attempt randomRequest(Random random) {
        String method = METHODS[random.nextInt(METHODS.length)];
        StringBuilder path = new StringBuilder(random.nextInt(10) == 0 ? "/" + word(random, 5) : "/dev");
        path.append('/').append(RESOURCES[random.nextInt(RESOURCES.length)]);
        for (int n = random.nextBoolean() ? 0 : random.nextInt(4); n > 0; n--) {
            path.append('/');
            int kind = random.nextInt(20);
            if (kind == 0) {
                path.append("x".repeat(1 + random.nextInt(3_000)));
            } else if (kind <= 4) {
                path.append(unicode(random));
            } else if (kind == 3) {
                path.append(REFUSED_SEGMENTS[random.nextInt(REFUSED_SEGMENTS.length)]);
            } else {
                path.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
        }
        if (random.nextBoolean()) {
            path.append('?');
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                String value = random.nextInt(10) == 0 ? REFUSED_SEGMENTS[random.nextInt(REFUSED_SEGMENTS.length)]
                        : SEGMENTS[random.nextInt(SEGMENTS.length)];
                path.append(word(random, 6)).append('=').append(value.replace(";", "%3B").replace("%zz", "%"))
                        .append(n > 1 ? "&" : "");
            }
        }
        String target = path.toString();
        URI uri;
        try {
            uri = URI.create(jetty.root() + target);
        } catch (IllegalArgumentException notAUri) {
            target = "/dev/mock";
            uri = URI.create(jetty.root() + target);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        StringBuilder note = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            String name = random.nextInt(3) == 0 ? "X-" + word(random, 8) : pick(random, "Authorization", "Accept",
                    "Content-Encoding", "x-api-key", "X-Amz-Date", "Origin", "Cookie", "Transfer-Encoding",
                    "X-Forwarded-For", "Accept-Encoding", "User-Agent");
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = random.nextInt(8) == 0 ? "v".repeat(random.nextInt(4_000))
                    : name.equals("Authorization") ? authorization(random)
                    : name.equals("x-api-key") && random.nextBoolean() ? "fuzz-key-0123456789abcdef"
                    : printableValue(random);
            try {
                request.header(name, value);
                note.append(name).append(' ');
            } catch (IllegalArgumentException refusedByClient) {
                // the JDK client's own rules; not the gateway's to test
            }
        }
        boolean withBody = !method.equals("GET") && !method.equals("HEAD") && random.nextInt(4) != 0;
        byte[] body = new byte[0];
        if (withBody) {
            request.header("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
            body = body(random);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return new Attempt(method, target, request.build(), note.toString(), body);
    }

    /**
     * An {@code Authorization} value for the SigV4, TOKEN authorizer and Cognito-style parsers: a SigV4 header with
     * parts dropped, repeated or garbled, a bearer token, the TOKEN authorizer's words, or noise.
     */
    private static String authorization(Random random) {
        List<String> parts = new ArrayList<>(List.of(
                "Credential=AKIDFUZZ/20261125/us-east-1/execute-api/aws4_request",
                "SignedHeaders=host;x-amz-date", "Signature=" + "0123456789abcdef".repeat(4)));
        switch (random.nextInt(8)) {
            case 0 -> parts.remove(random.nextInt(parts.size()));
            case 1 -> parts.add(parts.get(random.nextInt(parts.size())));
            case 2 -> {
                int at = random.nextInt(parts.size());
                String part = parts.get(at);
                int cut = random.nextInt(part.length());
                parts.set(at, part.substring(0, cut) + pick(random, "/", "=", ",", ";", "", " ", "%", "\"")
                        + part.substring(cut + (random.nextBoolean() ? 1 : 0)));
            }
            case 3 -> {
                return "Bearer " + word(random, 20) + "." + word(random, 30) + "." + word(random, 10);
            }
            case 4 -> {
                return pick(random, "allow", "deny", "Allow", "", " ", "null");
            }
            case 5 -> {
                return printableValue(random);
            }
            default -> {
                // a well-formed header with a wrong signature
            }
        }
        return pick(random, "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256", "aws4-hmac-sha256 ", "AWS4-HMAC-SHA512 ")
                + String.join(pick(random, ", ", ",", " ", ",,"), parts);
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> ("{\"name\": \"" + word(random, 10) + "\", \"a\": " + random.nextInt() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\": [" + "{\"b\": ".repeat(random.nextInt(50)) + "1" + "}".repeat(random.nextInt(50))
                    + "]").getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] bytes = new byte[random.nextInt(20_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 4 -> ("name=" + word(random, 5) + "&a=%zz&b=" + unicode(random)).getBytes(StandardCharsets.UTF_8);
            default -> ("{" + printableValue(random)).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A request the JDK client would never write. */
    private static String malformed(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "GET /dev/mock\r\n\r\n";
            case 1 -> "GET /dev/items/%zz HTTP/1.1\r\nHost: x\r\n\r\n";
            case 2 -> "GET /dev/mock HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n";
            case 3 -> "POST /dev/validated HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n";
            case 4 -> "POST /dev/proxy HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n";
            case 5 -> "G\u00e9T /dev/mock HTTP/1.1\r\nHost: x\r\n\r\n";
            case 6 -> "GET /dev/" + "\u0001\u007f" + " HTTP/1.1\r\nHost: x\r\n\r\n";
            default -> {
                StringBuilder garbage = new StringBuilder();
                for (int n = random.nextInt(200); n > 0; n--) {
                    garbage.append((char) random.nextInt(256));
                }
                yield garbage + "\r\n\r\n";
            }
        };
    }

    private static String word(Random random, int max) {
        StringBuilder word = new StringBuilder();
        for (int n = 1 + random.nextInt(max); n > 0; n--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String unicode(Random random) {
        String[] samples = {"é", "€", "日本", "😀", "Ω", "ß"};
        return java.net.URLEncoder.encode(samples[random.nextInt(samples.length)], StandardCharsets.UTF_8);
    }

    private static String printableValue(Random random) {
        StringBuilder value = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            value.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return value.toString().trim();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The served API: one method per integration kind. */
    static final class Api implements GeneratedApi {
        private final List<Operation> operations = new ArrayList<>();
        private final Map<Operation, MethodValidation> validation = new LinkedHashMap<>();
        private final RouteNode routes;

        Api() {
            String backendUri = "http://127.0.0.1:" + backend.getAddress().getPort();
            Operation mock = Operation.on("ANY", "/mock").integration(Integration.of(IntegrationType.MOCK)
                    .requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", "{\"ok\": true}").build()).build()).build();
            Operation proxy = Operation.on("ANY", "/proxy/{proxy+}")
                    .requestParameter("method.request.path.proxy", true)
                    .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("ANY")
                            .uri(backendUri + "/{proxy}")
                            .requestParameter("integration.request.path.proxy", "method.request.path.proxy").build())
                    .build();
            Operation down = Operation.on("ANY", "/down/{proxy+}").requestParameter("method.request.path.proxy", true)
                    .integration(Integration.of(IntegrationType.HTTP_PROXY).httpMethod("ANY")
                            .uri("http://127.0.0.1:" + closedPort + "/").build()).build();
            Operation downRoot = Operation.on("ANY", "/down").integration(Integration.of(IntegrationType.HTTP_PROXY)
                    .httpMethod("ANY").uri("http://127.0.0.1:" + closedPort + "/").build()).build();
            Operation http = Operation.on("POST", "/http").integration(Integration.of(IntegrationType.HTTP)
                    .httpMethod("POST").uri(backendUri + "/echo").passthroughBehavior("NEVER")
                    .requestTemplate("application/json", "{\"a\": $input.json('$.a'), \"q\": \"$util.escapeJavaScript("
                            + "$input.params('q'))\"}")
                    .response(IntegrationResponse.selecting("default", "200").build()).build()).build();
            Operation lambda = Operation.on("POST", "/lambda").integration(Integration.of(IntegrationType.AWS_PROXY)
                    .httpMethod("POST").uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:sizer/invocations").build()).build();
            Operation validated = Operation.on("POST", "/validated")
                    .integration(Integration.of(IntegrationType.MOCK)
                            .requestTemplate("application/json", "{\"statusCode\": 200}")
                            .response(IntegrationResponse.selecting("default", "200")
                                    .responseTemplate("application/json", "{\"valid\": true}").build()).build())
                    .build();
            validation.put(validated, new MethodValidation("body", false, true, Map.of("application/json", "Thing")));
            Operation item = Operation.on("GET", "/items/{id}").requestParameter("method.request.path.id", true)
                    .integration(Integration.of(IntegrationType.MOCK)
                            .requestTemplate("application/json", "{\"statusCode\": 200}")
                            .response(IntegrationResponse.selecting("default", "200").responseTemplate(
                                    "application/json", "{\"id\": \"$util.escapeJavaScript($input.params('id'))\"}")
                                    .build()).build()).build();
            Operation iam = Operation.on("ANY", "/iam").authorizationType("AWS_IAM").integration(okMock()).build();
            Operation token = Operation.on("ANY", "/token").authorizer(Authorizer.lambda("gate", "TOKEN",
                    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:"
                            + "123456789012:function:gate/invocations")
                    .identitySource("method.request.header.Authorization").resultTtlInSeconds(0).build())
                    .integration(okMock()).build();
            Operation keyed = Operation.on("ANY", "/keyed").apiKeyRequired(true).integration(okMock()).build();
            operations.addAll(List.of(mock, proxy, down, downRoot, http, lambda, validated, item, iam, token, keyed));
            routes = RouteNode.resource("/")
                    .literal("mock", RouteNode.resource("/mock").method(mock).build())
                    .literal("proxy", RouteNode.resource("/proxy")
                            .greedy("proxy", RouteNode.resource("/proxy/{proxy+}").method(proxy).build()).build())
                    .literal("down", RouteNode.resource("/down").method(downRoot)
                            .greedy("proxy", RouteNode.resource("/down/{proxy+}").method(down).build()).build())
                    .literal("http", RouteNode.resource("/http").method(http).build())
                    .literal("lambda", RouteNode.resource("/lambda").method(lambda).build())
                    .literal("validated", RouteNode.resource("/validated").method(validated).build())
                    .literal("items", RouteNode.resource("/items")
                            .param("id", RouteNode.resource("/items/{id}").method(item).build()).build())
                    .literal("iam", RouteNode.resource("/iam").method(iam).build())
                    .literal("token", RouteNode.resource("/token").method(token).build())
                    .literal("keyed", RouteNode.resource("/keyed").method(keyed).build())
                    .build();
        }

        private static Integration okMock() {
            return Integration.of(IntegrationType.MOCK).requestTemplate("application/json", "{\"statusCode\": 200}")
                    .response(IntegrationResponse.selecting("default", "200")
                            .responseTemplate("application/json", "{\"ok\": true}").build()).build();
        }

        @Override
        public String name() {
            return "fuzz";
        }

        @Override
        public String title() {
            return "fuzz";
        }

        @Override
        public String deploymentId() {
            return "fuzz000001";
        }

        @Override
        public String source() {
            return "FuzzTest";
        }

        @Override
        public RouteNode routes() {
            return routes;
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }

        @Override
        public Map<Operation, MethodValidation> requestValidation() {
            return validation;
        }

        @Override
        public Map<String, String> models() {
            return Map.of("Thing", "{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\":"
                    + " {\"type\": \"string\", \"maxLength\": 8}, \"a\": {\"type\": \"integer\"}}}");
        }
    }
}
