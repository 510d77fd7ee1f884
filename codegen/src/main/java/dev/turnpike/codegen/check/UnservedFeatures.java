package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.ApiModel;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.runtime.integration.Integrations;
import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings for what a definition may legitimately use but this version of the runtime does not serve yet, one per
 * feature (at its first method, counting the others), so that nobody deploys expecting it to work. Update this
 * class as the runtime grows.
 */
final class UnservedFeatures {

    private UnservedFeatures() {
    }

    static void report(ApiModel api, Diagnostics diagnostics) {
        Map<String, List<OperationModel>> unserved = new LinkedHashMap<>();
        for (OperationModel operation : api.operations()) {
            IntegrationModel integration = operation.integration();
            IntegrationType type = integration == null ? null : integration.type();
            if (type != null && !Integrations.serves(type, ConnectionType.INTERNET, integration.uri())) {
                unserved.computeIfAbsent(type.name() + " integrations are not served yet", k -> new ArrayList<>())
                        .add(operation);
            } else if (type != null && integration.connectionType() == ConnectionType.VPC_LINK
                    && !Integrations.serves(type, ConnectionType.VPC_LINK)) {
                unserved.computeIfAbsent("VPC links are not served yet: the method answers 500",
                        k -> new ArrayList<>()).add(operation);
            }
        }
        unserved.forEach((message, operations) -> {
            int more = operations.size() - 1;
            diagnostics.warning(operations.get(0).pointer(), message
                    + (more > 0 ? " (and " + more + " more method" + (more > 1 ? "s" : "") + ")" : ""));
        });
    }
}
