package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.Outcome;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each request to the handler for its integration type. Built once per gateway: every mapping template of the
 * API is parsed here, and the VPC links are read from the configuration.
 */
public final class Integrations implements AutoCloseable {

    private final Map<IntegrationType, IntegrationHandler> handlers = new EnumMap<>(IntegrationType.class);
    private final IntegrationHandler unserved = new UnservedIntegration();
    private final LambdaFunctions lambdaFunctions;
    private final LambdaInvoker lambdaInvoker;
    private final AwsServiceIntegration awsServices;

    /** @param backendClients the HTTP clients for every HTTP backend of this gateway */
    public Integrations(GeneratedApi api, TurnpikeConfig config, BackendClients backendClients) {
        HttpClient backendClient = backendClients.verifying();
        for (IntegrationType type : IntegrationType.values()) {
            handlers.put(type, unserved);
        }
        PreparedTemplates templates = new PreparedTemplates(api);
        VpcLinks vpcLinks = new VpcLinks(config);
        OriginLimits limits = OriginLimits.from(config);
        handlers.put(IntegrationType.MOCK, new MockIntegration(templates, api.binaryMediaTypes()));
        handlers.put(IntegrationType.HTTP, new HttpIntegration(backendClients, limits, vpcLinks, templates,
                api.binaryMediaTypes()));
        handlers.put(IntegrationType.HTTP_PROXY, new HttpProxyIntegration(backendClients, limits, vpcLinks));
        lambdaFunctions = LambdaFunctions.load(config, api.getClass().getClassLoader());
        handlers.put(IntegrationType.AWS_PROXY, new LambdaProxyIntegration(lambdaFunctions, api.binaryMediaTypes()));
        IntegrationHandler lambda = new LambdaIntegration(lambdaFunctions, templates, api.binaryMediaTypes());
        try {
            awsServices = AwsServiceIntegration.create(api, config, backendClient, limits, templates);
        } catch (RuntimeException e) {
            lambdaFunctions.close();
            throw e;
        }
        handlers.put(IntegrationType.AWS, exchange -> LambdaIntegration.isLambda(exchange.operation().integration()
                .uri()) ? lambda.invoke(exchange) : awsServices.invoke(exchange));
        lambdaInvoker = new LambdaInvoker(lambdaFunctions, api.binaryMediaTypes());
    }

    /** Calls the same functions, in process or remote, for the gateway's other uses of Lambda: authorizers. */
    public LambdaInvoker lambda() {
        return lambdaInvoker;
    }

    /** Whether some HTTP integration of {@code api} has {@code tlsConfig.insecureSkipVerification}. */
    public static boolean skipsAuthorityCheck(GeneratedApi api) {
        return api.operations().stream().anyMatch(o -> o.integration().insecureSkipVerification());
    }

    /**
     * Lets the backend client send a VPC link's {@code Host}: call before the JDK's HTTP client is first used (it
     * reads its restricted-header setting once). The setting is the JVM's, shared with every application in the
     * container, so it is changed only for an API that has a VPC link.
     */
    public static void prepareBackendClient(GeneratedApi api) {
        if (api.operations().stream().anyMatch(o -> o.integration().connectionType() == ConnectionType.VPC_LINK)) {
            BackendCalls.allowHostHeader();
        }
    }

    /**
     * Stops the threads of in-process Lambda functions (invocations in flight finish first) and closes the AWS
     * clients.
     */
    @Override
    public void close() {
        lambdaFunctions.close();
        awsServices.close();
    }

    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        IntegrationHandler handler = serves(integration.type(), integration.connectionType(), integration.uri())
                ? handlers.get(integration.type()) : unserved;
        return handler.invoke(exchange);
    }

    /**
     * Whether this version serves an integration of this type and connection (the others answer 500, as
     * documented). VPC links are served for HTTP and HTTP_PROXY, the only types AWS allows them on.
     */
    public static boolean serves(IntegrationType type, ConnectionType connection, String uri) {
        if (type == IntegrationType.AWS) {
            return connection == ConnectionType.INTERNET
                    && (LambdaIntegration.isLambda(uri) || AwsServiceUri.matches(uri));
        }
        return serves(type, connection);
    }

    /** As {@link #serves(IntegrationType, ConnectionType, String)}; {@code AWS} depends on the service. */
    public static boolean serves(IntegrationType type, ConnectionType connection) {
        return switch (type) {
            case MOCK -> connection == ConnectionType.INTERNET;
            case HTTP, HTTP_PROXY -> true;
            case AWS_PROXY -> connection == ConnectionType.INTERNET;
            default -> false;
        };
    }
}
