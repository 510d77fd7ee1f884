package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.StageRegistry;
import dev.turnpike.runtime.admin.StageStore;
import dev.turnpike.runtime.admin.StageStores;
import dev.turnpike.runtime.admin.UsagePlanRegistry;
import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.cache.StageCaches;
import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.http.ClientResponse;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.integration.BackendClients;
import dev.turnpike.runtime.integration.Integrations;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.model.ShortIds;
import dev.turnpike.runtime.observability.Observability;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.response.GatewayResponses;
import dev.turnpike.runtime.routing.Router;
import dev.turnpike.runtime.throttle.ThrottleRequest;
import dev.turnpike.runtime.throttle.Throttling;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * One generated API served on its configured stages: the request pipeline of DESIGN.md, read top to bottom in
 * {@link #handle}. Container-neutral; the servlet filter (and {@code turnpike:run}) hand it requests.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    private final GeneratedApi api;
    private final TurnpikeConfig config;
    private final ApiIdentity identity;
    private final StageSelection stageSelection;
    /** The API's own deployment: the REST API's identity, and the answers given before a stage is chosen. */
    private final ServedDeployment main;
    /** Every deployment a stage or canary may serve, by id, the main one first. */
    private final Map<String, ServedDeployment> deployments;
    private final Throttling throttling;
    private final StageCaches stageCaches;
    private final ExecutorService backendExecutor;
    private final Consumer<String> requestLog;
    private final Observability observability;
    private final StageStore stageStore;
    private final GatewayAdmin admin;

    private Gateway(GeneratedApi api, List<GeneratedApi> otherDeployments, TurnpikeConfig config,
            BackendClients backendClients, ExecutorService backendExecutor, Consumer<String> requestLog,
            MeterRegistry meterRegistry) {
        this.requestLog = requestLog;
        ApiKeys.fromConfig(config.values()); // checked before anything that starts threads
        this.backendExecutor = backendExecutor;
        this.api = api;
        String apiId = config.apiId() != null ? config.apiId() : derivedApiId(api.name());
        this.identity = new ApiIdentity(apiId, config.accountId(), config.region(), api.deploymentId());
        long started = System.currentTimeMillis();
        Set<String> deploymentIds = new java.util.LinkedHashSet<>();
        deploymentIds.add(api.deploymentId());
        otherDeployments.forEach(d -> deploymentIds.add(d.deploymentId()));
        this.stageStore = StageStores.fromConfig(config.values(), apiId);
        Map<String, String> configured = config.values();
        Map<String, String> added;
        ApiKeys apiKeys;
        try {
            // API keys and usage plans added through the management API are configuration laid over the rest.
            added = stageStore.loadEntries();
            if (!added.isEmpty()) {
                config = TurnpikeConfig.from(UsagePlanRegistry.withKept(configured, stageStore));
            }
            apiKeys = ApiKeys.fromConfig(config.values());
        } catch (RuntimeException e) {
            stageStore.close();
            throw e;
        }
        this.config = config;
        StageRegistry stageRegistry;
        try {
            stageRegistry = StageRegistry.open(config.stages(), configuredDeployments(config),
                    api.deploymentId(), deploymentIds, stageStore, started);
        } catch (RuntimeException e) {
            stageStore.close();
            throw e;
        }
        this.stageSelection = new StageSelection(stageRegistry, CanaryDraw.fromConfig(config.values()));
        this.throttling = Throttling.create(config, apiId);
        // Method settings kept by the management API win over the configured ones, and its changes apply live.
        throttling.replaceStages(stageRegistry.settings());
        stageRegistry.onMethodSettingsChange(throttling::replaceStages);
        try {
            this.stageCaches = StageCaches.create(config, apiId, backendExecutor);
        } catch (RuntimeException e) {
            throttling.close();
            stageStore.close();
            throw e;
        }
        AtomicReference<ApiKeys> liveApiKeys = new AtomicReference<>(apiKeys);
        Map<String, ServedDeployment> built = new java.util.LinkedHashMap<>();
        Observability observed = null;
        try {
            observed = Observability.create(api, config, apiId, meterRegistry);
            built.put(api.deploymentId(), ServedDeployment.create(api, apiId, config, backendClients,
                    liveApiKeys::get));
            for (GeneratedApi other : otherDeployments) {
                if (!built.containsKey(other.deploymentId())) {
                    built.put(other.deploymentId(),
                            ServedDeployment.create(other, apiId, config, backendClients, liveApiKeys::get));
                }
            }
        } catch (RuntimeException e) {
            // In-process functions and the Redis client have threads of their own.
            built.values().forEach(ServedDeployment::close);
            if (observed != null) {
                observed.close(); // CloudWatch publishing has a thread
            }
            throttling.close();
            stageCaches.close();
            stageStore.close();
            throw e;
        }
        this.deployments = Map.copyOf(built);
        this.main = built.get(api.deploymentId());
        this.observability = observed;
        List<GatewayAdmin.Deployment> served = new ArrayList<>();
        built.values().forEach(d -> served.add(new GatewayAdmin.Deployment(d.api.deploymentId(), d.api, started)));
        this.admin = new GatewayAdmin(identity, api, started, served, stageRegistry, stageCaches,
                new UsagePlanRegistry(configured, added, stageStore, liveApiKeys, throttling));
    }

    /** {@code turnpike.stage.<s>.deploymentId} by stage. */
    private static Map<String, String> configuredDeployments(TurnpikeConfig config) {
        Map<String, String> byStage = new java.util.HashMap<>();
        config.values().forEach((key, value) -> {
            if (key.startsWith("turnpike.stage.") && key.endsWith(".deploymentId")
                    && !key.contains(".canarySettings.")) {
                byStage.put(key.substring("turnpike.stage.".length(), key.length() - ".deploymentId".length()),
                        value.trim());
            }
        });
        return byStage;
    }

    /** A gateway for {@code api}; throws {@link ConfigException} when a method setting names no method of it. */
    public static Gateway create(GeneratedApi api, TurnpikeConfig config) {
        return builder(api, config).build();
    }

    public static Builder builder(GeneratedApi api, TurnpikeConfig config) {
        return new Builder(api, config);
    }

    public GeneratedApi api() {
        return api;
    }

    public TurnpikeConfig config() {
        return config;
    }

    public ApiIdentity identity() {
        return identity;
    }

    /** The stages' caches: hit and miss counts, flushing. */
    public StageCaches stageCaches() {
        return stageCaches;
    }

    /** What the management API reads and changes: the live stages, the deployments, the caches. */
    public GatewayAdmin admin() {
        return admin;
    }

    /** The gateway's metrics and logs, and the Prometheus scrape endpoint the filter serves. */
    public Observability observability() {
        return observability;
    }

    /**
     * Serves one request. Returns at once: a remote integration answers {@code clientResponse} later, from
     * another thread. Never throws; every failure becomes a gateway response in AWS's shape.
     */
    public void handle(ClientRequest clientRequest, ClientResponse clientResponse) {
        handle(clientRequest, clientResponse, ExecutionLog.OFF);
    }

    /** Serves one request, its steps written to {@code log} (a test invoke's). */
    public void handle(ClientRequest clientRequest, ClientResponse clientResponse, ExecutionLog log) {
        Exchange exchange = new Exchange(clientRequest, identity, requestId(),
                extendedRequestId(), System.currentTimeMillis(), System.nanoTime());
        exchange.executionLog(log);
        exchange.testInvoke(log != ExecutionLog.OFF);
        GatewayError error;
        ServedDeployment deployment = main;
        try {
            error = HttpsRequirement.check(clientRequest);
            if (error == null) {
                error = RequestLimits.check(clientRequest);
            }
            if (error == null) {
                error = stageSelection.select(exchange);
            }
            if (error == null) {
                deployment = deployments.get(exchange.deploymentId());
                exchange.api(deployment.identity);
                error = deployment.routeSelection.select(exchange);
            }
            // The resource policy takes its place here. Then, asynchronously: authorization and the API key,
            // throttling and quotas, request validation (it may read the body), the stage cache, the integration.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + exchange.requestId() + " failed before the integration", e);
            error = GatewayError.of(GatewayResponseType.DEFAULT_5XX, e.toString());
        }
        if (log == ExecutionLog.OFF) {
            exchange.executionLog(observability.executionLog(exchange)); // the stage's, when it logs this method
        }
        if (error != null) {
            sendError(exchange, deployment, clientResponse, error);
            return;
        }
        ServedDeployment served = deployment;
        CompletableFuture<GatewayError> started = log.enabled() ? MethodRequestLog.write(exchange)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Outcome> result = started
                .thenCompose(failed -> failed != null ? CompletableFuture.completedFuture(failed)
                        : served.authorization.authorize(exchange))
                .thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(refused)
                        : onGatewayThread(throttling.admit(new ThrottleRequest(exchange.stage().name(),
                                exchange.operation().resourcePath(), exchange.operation().httpMethod(),
                                exchange.apiKey() == null ? null : exchange.apiKey().name()))))
                .thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(refused)
                        : served.requestValidation.validate(exchange))
                .thenCompose(invalid -> invalid != null
                        ? CompletableFuture.completedFuture(Outcome.of(invalid))
                        : log.dryRun() ? MethodRequestLog.dryRun(exchange)
                        : stageCaches.serve(exchange, () -> invokeIntegration(exchange, served)));
        result.whenComplete((outcome, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "request " + exchange.requestId() + " failed in the integration",
                        failure);
                sendError(exchange, served, clientResponse,
                        GatewayError.of(GatewayResponseType.DEFAULT_5XX, failure.toString()));
            } else if (outcome.error() != null) {
                sendError(exchange, served, clientResponse, outcome.error());
            } else {
                send(exchange, clientResponse, outcome.response());
            }
        });
    }

    /**
     * A throttling decision made on Redis completes on the Redis client's I/O thread; the rest of the request
     * (templates, the integration call) goes on on the gateway's own threads so that thread only does I/O.
     */
    private CompletableFuture<GatewayError> onGatewayThread(CompletableFuture<GatewayError> decision) {
        return decision.isDone() ? decision : decision.thenApplyAsync(error -> error, backendExecutor);
    }

    /** The integration, timed for {@code IntegrationLatency} and {@code $context.integrationLatency}. */
    private CompletableFuture<Outcome> invokeIntegration(Exchange exchange, ServedDeployment deployment) {
        exchange.integrationStarted(System.nanoTime());
        return deployment.integrations.invoke(exchange).whenComplete((outcome, failure) ->
                exchange.integrationEnded(System.nanoTime()));
    }

    private void send(Exchange exchange, ClientResponse clientResponse, MethodResponse response) {
        Headers headers = response.headers();
        headers.set("x-amzn-RequestId", exchange.requestId());
        headers.set("x-amz-apigw-id", exchange.extendedRequestId());
        // Counted before the client can see the answer, so a client that reads its response, then the metrics,
        // finds its request in them.
        observability.requestEnded(exchange, response.status(), headers);
        clientResponse.send(response.status(), headers, response.body());
        if (requestLog != null) {
            ClientRequest request = exchange.clientRequest();
            requestLog.accept(exchange.requestId() + " " + request.method() + " " + request.path()
                    + (request.rawQuery() == null ? "" : "?" + request.rawQuery()) + " -> "
                    + (exchange.operation() == null ? "no route"
                            : exchange.operation().httpMethod() + " " + exchange.operation().resourcePath())
                    + " " + response.status() + " " + (System.nanoTime() - exchange.startNanos()) / 1_000_000 + " ms");
        }
    }

    private void sendError(Exchange exchange, ServedDeployment deployment, ClientResponse clientResponse,
            GatewayError error) {
        exchange.gatewayError(error);
        ExecutionLog log = exchange.executionLog();
        if (error.detail() != null) {
            log.add(() -> "Execution failed: " + error.detail());
        }
        log.add(() -> "Gateway response type: " + error.type() + " with status code: " + error.statusOrDefault());
        if (error.detail() != null) {
            System.Logger.Level level = error.type().defaultStatus() >= 500
                    ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            LOG.log(level, () -> "request " + exchange.requestId() + ": " + error.type() + ": " + error.detail());
        }
        GatewayResponses.Rendered rendered = deployment.gatewayResponses.render(error, () -> ErrorRequests.of(exchange));
        rendered.headers().set("Content-Length", Integer.toString(rendered.body().length));
        send(exchange, clientResponse, new MethodResponse(rendered.status(), rendered.headers(),
                Bodies.of(rendered.body())));
    }

    /**
     * A version 4 UUID, as {@code x-amzn-RequestId} is. Request ids must be unique, not secret, so they come from
     * the thread's own generator instead of the shared, locking {@code SecureRandom} of {@link UUID#randomUUID}.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static final char[] ID_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /** Like API Gateway's {@code x-amz-apigw-id}: 16 URL-safe characters. */
    private static String extendedRequestId() {
        char[] alphabet = ID_ALPHABET;
        char[] id = new char[16];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = alphabet[random.nextInt(alphabet.length)];
        }
        id[15] = '=';
        return new String(id);
    }

    /** A stable 10-character id like AWS's REST API ids, from the API's name. */
    static String derivedApiId(String name) {
        return ShortIds.of(name, 10);
    }

    /**
     * Stops the backend client's threads, so an undeployed application leaves none behind. Requests in flight
     * finish first.
     */
    @Override
    public void close() {
        backendExecutor.shutdown();
        deployments.values().forEach(ServedDeployment::close);
        throttling.close();
        stageCaches.close();
        observability.close();
        stageStore.close();
    }

    /** Method settings may only name methods the API has; a canary may only name a deployment served. */
    private static void checkMethodSettings(GeneratedApi api, List<GeneratedApi> others, TurnpikeConfig config) {
        Set<String> served = new java.util.TreeSet<>();
        served.add(api.deploymentId());
        others.forEach(o -> served.add(o.deploymentId()));
        Set<String> methods = new HashSet<>();
        for (Operation op : api.operations()) {
            methods.add(op.resourcePath() + "/" + op.httpMethod());
        }
        for (GeneratedApi other : others) { // a stage may serve another deployment, with methods of its own
            other.operations().forEach(op -> methods.add(op.resourcePath() + "/" + op.httpMethod()));
        }
        List<String> problems = new ArrayList<>();
        for (StageSettings stage : config.stages().values()) {
            for (String key : stage.methodSettings().keySet()) {
                if (!key.equals(StageSettings.ALL_METHODS) && !methods.contains(key)) {
                    problems.add("turnpike.stage." + stage.name() + ".methodSettings." + key
                            + ".*: API '" + api.name() + "' has no method " + key);
                }
            }
            if (stage.canary() != null && stage.canary().deploymentId() != null
                    && !served.contains(stage.canary().deploymentId())) {
                problems.add("turnpike.stage." + stage.name() + ".canarySettings.deploymentId: no deployment '"
                        + stage.canary().deploymentId() + "' is served (served: " + String.join(", ", served)
                        + "; list further generated APIs in turnpike.deployments)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * The client, built with the platform class loader as the thread's context loader: its selector thread inherits
     * it, so the thread (which Java 17 cannot stop: it ends when the client is collected) does not hold the web
     * application's class loader, and containers do not report it as a thread the application left running.
     */
    private static HttpClient outsideTheApplication(HttpClient.Builder client) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return client.build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static final class Builder {
        private final GeneratedApi api;
        private final TurnpikeConfig config;
        private KeyStore backendTrust;
        private Consumer<String> requestLog;
        private MeterRegistry meterRegistry;
        private List<GeneratedApi> otherDeployments = List.of();

        private Builder(GeneratedApi api, TurnpikeConfig config) {
            this.api = api;
            this.config = config;
        }

        /**
         * The certificates trusted for HTTPS backends, instead of the JVM's default trust store. The certificate
         * the gateway presents to them comes from the configuration ({@code turnpike.backend.keyStore}).
         */
        public Builder backendTrust(KeyStore backendTrust) {
            this.backendTrust = backendTrust;
            return this;
        }

        /**
         * Where to write one line per request ({@code <id> GET /dev/pets/7 -> GET /pets/{petId} 200 12 ms}), for
         * {@code turnpike:run -Dturnpike.verbose}; none when not set.
         */
        public Builder requestLog(Consumer<String> requestLog) {
            this.requestLog = requestLog;
            return this;
        }

        /**
         * A registry of the application's own (Spring's, a test's) to record the gateway's metrics in, besides the
         * configured Prometheus endpoint and CloudWatch publishing.
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /**
         * Further deployments of the same REST API (generated from other definitions, or other versions of the same
         * one) that stages ({@code turnpike.stage.<s>.deploymentId}) and canaries may point at, besides
         * {@code api}'s own.
         */
        public Builder deployments(List<GeneratedApi> otherDeployments) {
            this.otherDeployments = List.copyOf(otherDeployments);
            return this;
        }

        public Gateway build() {
            checkMethodSettings(api, otherDeployments, config);
            Integrations.prepareBackendClient(api);
            otherDeployments.forEach(Integrations::prepareBackendClient);
            SSLContext backendTls = BackendTls.context(backendTrust, config.values());
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "turnpike-backend-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            HttpClient.Builder client = HttpClient.newBuilder()
                    .executor(executor)
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(dev.turnpike.runtime.model.Integration.DEFAULT_TIMEOUT_MILLIS));
            if (backendTls != null) {
                client.sslContext(backendTls);
            }
            HttpClient verifying = outsideTheApplication(client);
            HttpClient skippingAuthorityCheck = Integrations.skipsAuthorityCheck(api)
                    || otherDeployments.stream().anyMatch(Integrations::skipsAuthorityCheck)
                    ? outsideTheApplication(client.sslContext(BackendTls.skippingAuthorityCheck(config.values())))
                    : null;
            try {
                return new Gateway(api, otherDeployments, config,
                        new BackendClients(verifying, skippingAuthorityCheck), executor, requestLog, meterRegistry);
            } catch (RuntimeException e) {
                executor.shutdown();
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "Gateway " + api.name() + " (" + identity.apiId() + ") stages " + config.stages().keySet();
    }

}
