package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.Locale;
import java.util.Set;

/** The values of one integration, as API Gateway checks them when it imports a definition. */
final class IntegrationCheck {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "ANY");

    private IntegrationCheck() {
    }

    static void check(OperationModel operation, Diagnostics diagnostics) {
        IntegrationModel integration = operation.integration();
        IntegrationType type = integration.type();
        if (type != null && type != IntegrationType.MOCK) {
            checkHttpMethod(integration, type, diagnostics);
            IntegrationUriCheck.check(integration, type, diagnostics);
        }
        checkConnection(integration, type, diagnostics);
        Integer timeout = integration.timeoutInMillis();
        int min = Integration.MIN_TIMEOUT_MILLIS;
        int max = Integration.DEFAULT_TIMEOUT_MILLIS;
        if (timeout != null && (timeout < min || timeout > max)) {
            diagnostics.error(integration.field("timeoutInMillis"),
                    "timeoutInMillis " + timeout + " is outside " + min + ".." + max);
        }
        RequestParameterCheck.check(operation, diagnostics);
        IntegrationResponseCheck.check(integration, diagnostics);
        TemplateCheck.check(integration, diagnostics);
    }

    private static void checkHttpMethod(IntegrationModel integration, IntegrationType type, Diagnostics diagnostics) {
        String method = integration.httpMethod();
        if (method == null && !integration.fields().contains("httpMethod")) {
            diagnostics.error(integration.pointer(), "missing httpMethod: " + article(type) + " integration needs the"
                    + " method to call the backend with");
        } else if (method != null && !HTTP_METHODS.contains(method)) {
            diagnostics.error(integration.field("httpMethod"), "unknown httpMethod '" + method + "': expected one of "
                    + String.join(", ", HTTP_METHODS.stream().sorted().toList()));
        }
    }

    private static void checkConnection(IntegrationModel integration, IntegrationType type, Diagnostics diagnostics) {
        if (integration.connectionType() != ConnectionType.VPC_LINK) {
            return;
        }
        if (!integration.fields().contains("connectionId")) {
            diagnostics.error(integration.field("connectionType"), "connectionType VPC_LINK needs a connectionId");
        }
        if (type != null && type != IntegrationType.HTTP && type != IntegrationType.HTTP_PROXY) {
            diagnostics.error(integration.field("connectionType"), "connectionType VPC_LINK is for http and http_proxy"
                    + " integrations, not " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    /** "an HTTP_PROXY", "a MOCK": how messages name an integration type. */
    static String article(IntegrationType type) {
        return (type == IntegrationType.MOCK ? "a " : "an ") + type.name();
    }
}
