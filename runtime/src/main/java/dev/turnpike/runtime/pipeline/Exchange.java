package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.auth.AuthorizerContext;
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.routing.RouteMatch;

/**
 * One request on its way through the pipeline: what the client sent and what each step decided so far. Steps
 * fill it in order; later steps read what earlier ones set.
 */
public final class Exchange {

    private ClientRequest clientRequest;
    private ApiIdentity api;
    private String deploymentId;
    private final String requestId;
    private final String extendedRequestId;
    private final long requestTimeEpoch;
    private final long startNanos;
    private StageSettings stage;
    private String resourcePathRequested;
    private RouteMatch match;
    private Boolean canaryRequest;
    private AuthorizerContext authorizer;
    private CallerIdentity caller;
    private ApiKeys.ApiKey apiKey;
    private ExecutionLog executionLog = ExecutionLog.OFF;
    private boolean testInvoke;
    private long integrationStartNanos;
    private long integrationEndNanos;
    private GatewayError gatewayError;
    private Boolean cacheHit;

    Exchange(ClientRequest clientRequest, ApiIdentity api, String requestId, String extendedRequestId, long requestTimeEpoch,
            long startNanos) {
        this.clientRequest = clientRequest;
        this.api = api;
        this.requestId = requestId;
        this.extendedRequestId = extendedRequestId;
        this.requestTimeEpoch = requestTimeEpoch;
        this.startNanos = startNanos;
    }

    public ClientRequest clientRequest() {
        return clientRequest;
    }

    public ApiIdentity api() {
        return api;
    }

    /** The deployment that serves this request, once stage selection chose it (a canary's may differ). */
    void api(ApiIdentity deployment) {
        this.api = deployment;
    }

    /** The deployment stage selection chose: the stage's, or its canary's for a canary request. */
    String deploymentId() {
        return deploymentId != null ? deploymentId : api.deploymentId();
    }

    void deploymentId(String deploymentId) {
        this.deploymentId = deploymentId;
    }

    /** {@code $context.requestId}, sent back as {@code x-amzn-RequestId}. */
    public String requestId() {
        return requestId;
    }

    /** {@code $context.extendedRequestId}, sent back as {@code x-amz-apigw-id}. */
    public String extendedRequestId() {
        return extendedRequestId;
    }

    public long requestTimeEpoch() {
        return requestTimeEpoch;
    }

    public long startNanos() {
        return startNanos;
    }

    /** The stage the first path segment selected; {@code null} before stage selection. */
    public StageSettings stage() {
        return stage;
    }

    /** The request path below the stage, still percent-encoded: {@code /pets/7} of {@code /prod/pets/7}. */
    public String pathBelowStage() {
        return resourcePathRequested;
    }

    public RouteMatch match() {
        return match;
    }

    public Operation operation() {
        return match == null ? null : match.operation();
    }

    /**
     * {@code $context.isCanaryRequest}: whether this request went to the stage's canary; {@code null} when the stage
     * has no canary settings (AWS then has no such key).
     */
    public Boolean canaryRequest() {
        return canaryRequest;
    }

    void canaryRequest(boolean canary) {
        this.canaryRequest = canary;
    }

    /** What the method's Lambda or Cognito authorizer said; {@code null} when none ran. */
    public AuthorizerContext authorizer() {
        return authorizer;
    }

    void authorizer(AuthorizerContext authorizer) {
        this.authorizer = authorizer;
    }

    /** The IAM caller of an {@code AWS_IAM} method; {@code null} otherwise. */
    public CallerIdentity caller() {
        return caller;
    }

    void caller(CallerIdentity caller) {
        this.caller = caller;
    }

    /** The API key of a method that requires one; {@code null} otherwise. */
    public ApiKeys.ApiKey apiKey() {
        return apiKey;
    }

    void apiKey(ApiKeys.ApiKey apiKey) {
        this.apiKey = apiKey;
    }

    /** The request's execution log; {@link ExecutionLog#OFF} unless a test invoke records one. */
    public ExecutionLog executionLog() {
        return executionLog;
    }

    void executionLog(ExecutionLog executionLog) {
        this.executionLog = executionLog;
    }

    void stage(StageSettings stage, String pathBelowStage) {
        this.stage = stage;
        this.resourcePathRequested = pathBelowStage;
    }

    /** The same request with its body read once already (request validation), replayed to the integration. */
    void clientRequest(ClientRequest clientRequest) {
        this.clientRequest = clientRequest;
    }

    void match(RouteMatch match) {
        this.match = match;
    }

    /** Whether this is a test invoke's request, which AWS leaves out of metrics and access logs. */
    public boolean testInvoke() {
        return testInvoke;
    }

    void testInvoke(boolean testInvoke) {
        this.testInvoke = testInvoke;
    }

    void integrationStarted(long nanos) {
        this.integrationStartNanos = nanos;
    }

    void integrationEnded(long nanos) {
        this.integrationEndNanos = nanos;
    }

    /**
     * {@code $context.integrationLatency} and the {@code IntegrationLatency} metric, in nanoseconds: from relaying the
     * request to the integration to its answer; {@code -1} when no integration was called.
     */
    public long integrationLatencyNanos() {
        return integrationEndNanos == 0 ? -1 : integrationEndNanos - integrationStartNanos;
    }

    /** The failure a gateway response was rendered for; {@code null} when the method answered. */
    public GatewayError gatewayError() {
        return gatewayError;
    }

    void gatewayError(GatewayError gatewayError) {
        this.gatewayError = gatewayError;
    }

    /**
     * What the stage cache did: {@code true} served from the cache, {@code false} looked up and missed, {@code null}
     * not used (caching off). Read for {@code CacheHitCount} and {@code CacheMissCount}.
     */
    public Boolean cacheHit() {
        return cacheHit;
    }

    /** Set by the stage cache's lookup. */
    public void cacheHit(boolean hit) {
        this.cacheHit = hit;
    }
}
