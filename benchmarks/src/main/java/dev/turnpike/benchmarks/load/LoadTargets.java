package dev.turnpike.benchmarks.load;

import dev.turnpike.filter.TurnpikeFilter;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Gateway;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * The Jetty 12 side of the load harness ({@code benchmarks/load/run.sh}), in one JVM, plain HTTP on 127.0.0.1,
 * each server with Jetty's default thread pool:
 * <ul>
 *   <li>a bare servlet writing {@link #BODY};</li>
 *   <li>beside it, two bounds for Turnpike's rows: {@code /async-aws/} answers the same bytes as the MOCK row the way
 *       the filter must (asynchronously, with a request id and API Gateway's two id headers), and
 *       {@code /jdk-proxy/} is the least a proxy built on the JDK's {@code HttpClient} does (the client Turnpike
 *       uses): the request to the backend and its response back, nothing else;</li>
 *   <li>Jetty's {@code ProxyServlet.Transparent} in front of the backend;</li>
 *   <li>Turnpike's filter serving {@link LoadApi} twice: {@code /plain/bench/...} with no API keys or usage plans,
 *       and {@code /full/bench/...} with an API key and a usage plan with its own throttle and quota. Both raise
 *       the account limit far above what the machine can send (AWS's default, 10,000 RPS, would refuse part of a
 *       MOCK row), so every request is admitted after the full decision.</li>
 * </ul>
 * Turnpike wants HTTPS; behind this plain connector it trusts {@code X-Forwarded-Proto: https}, which the harness
 * sends to every row.
 *
 * <p>Usage: {@code LoadTargets <backend url> <servlet port> <proxy servlet port> <turnpike port>}; prints
 * {@code ready} when all three listen, and stops on end of standard input.
 */
public final class LoadTargets {

    /** The body every row answers, nginx's included. */
    public static final String BODY = "{\"id\": 1, \"type\": \"dog\", \"name\": \"Rex\"}";

    /** The API key the harness sends to the {@code /full} gateway. */
    public static final String API_KEY = "bench-key-0123456789abcdef";

    private LoadTargets() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: LoadTargets <backend url> <servlet port> <proxy servlet port> <turnpike port>");
        }
        String backend = args[0];
        Server servlet = server(Integer.parseInt(args[1]), bareServlet(backend));
        Server proxy = server(Integer.parseInt(args[2]), proxyServlet(backend));
        Server turnpike = server(Integer.parseInt(args[3]), turnpike(backend));
        for (Server server : new Server[] {servlet, proxy, turnpike}) {
            server.start();
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the harness closes our standard input
        }
        for (Server server : new Server[] {turnpike, proxy, servlet}) {
            server.stop();
        }
    }

    private static Server server(int port, ContextHandlerCollection handler) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        return server;
    }

    private static ContextHandlerCollection bareServlet(String backend) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }), "/*");
        return new ContextHandlerCollection(asyncWithAwsHeaders(body), jdkClientProxy(backend), context);
    }

    /** What the MOCK row cannot do without: an asynchronous answer carrying a fresh request id and AWS's id headers. */
    private static ServletContextHandler asyncWithAwsHeaders(byte[] body) {
        ServletContextHandler context = new ServletContextHandler("/async-aws");
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                AsyncContext async = request.startAsync();
                String requestId = UUID.randomUUID().toString();
                response.setStatus(200);
                response.setContentType("application/json");
                response.setHeader("x-amzn-RequestId", requestId);
                response.setHeader("x-amz-apigw-id", requestId.substring(0, 16));
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                async.complete();
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        return context;
    }

    /**
     * The least a proxy on the JDK's {@code HttpClient} does: the container thread hands over at once, the call
     * runs on the client's executor (as Turnpike's does on two cores, where {@code sendAsync} would start a thread
     * per request), and the backend's status, {@code Content-Type} and body come back.
     */
    private static ServletContextHandler jdkClientProxy(String backend) {
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "jdk-proxy");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build();
        ServletContextHandler context = new ServletContextHandler("/jdk-proxy");
        ServletHolder holder = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                AsyncContext async = request.startAsync();
                HttpRequest call = HttpRequest.newBuilder(URI.create(backend + "/")).GET().build();
                executor.execute(() -> {
                    try {
                        HttpResponse<byte[]> answer = client.send(call, HttpResponse.BodyHandlers.ofByteArray());
                        response.setStatus(answer.statusCode());
                        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
                        response.setContentLength(answer.body().length);
                        response.getOutputStream().write(answer.body());
                    } catch (IOException e) {
                        response.setStatus(502);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        response.setStatus(502);
                    } finally {
                        async.complete();
                    }
                });
            }
        });
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        return context;
    }

    private static ContextHandlerCollection proxyServlet(String backend) {
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new ProxyServlet.Transparent());
        holder.setInitParameter("proxyTo", backend);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        return new ContextHandlerCollection(context);
    }

    private static ContextHandlerCollection turnpike(String backend) {
        Map<String, String> plain = new HashMap<>();
        plain.put("turnpike.stages", "bench");
        plain.put("turnpike.trustForwardedProto", "true");
        plain.put("turnpike.throttle.account.rateLimit", "1000000000");
        plain.put("turnpike.throttle.account.burstLimit", "1000000000");
        Map<String, String> full = new HashMap<>(plain);
        full.put("turnpike.apiKeys.bench.value", API_KEY);
        full.put("turnpike.usagePlans.gold.apiStages", "bench");
        full.put("turnpike.usagePlans.gold.apiKeys", "bench");
        full.put("turnpike.usagePlans.gold.throttle.rateLimit", "1000000000");
        full.put("turnpike.usagePlans.gold.throttle.burstLimit", "1000000000");
        full.put("turnpike.usagePlans.gold.quota.limit", "1000000000000");
        full.put("turnpike.usagePlans.gold.quota.period", "DAY");
        return new ContextHandlerCollection(
                filtered("/plain", Gateway.create(new LoadApi(backend), TurnpikeConfig.from(plain))),
                filtered("/full", Gateway.create(new LoadApi(backend), TurnpikeConfig.from(full))));
    }

    private static ServletContextHandler filtered(String path, Gateway gateway) {
        ServletContextHandler context = new ServletContextHandler(path);
        FilterHolder filter = new FilterHolder(new TurnpikeFilter(gateway));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(599); // never reached: the filter answers every request
            }
        }), "/");
        return context;
    }
}
