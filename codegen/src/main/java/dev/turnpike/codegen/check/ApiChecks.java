package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.ApiModel;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.model.Resource;

/** Every check of a read definition, in one place; each reports all it finds and carries on. */
public final class ApiChecks {

    private ApiChecks() {
    }

    /** The resource tree of the API; meaningful for generation only when {@code diagnostics} has no error. */
    public static Resource check(ApiModel api, Diagnostics diagnostics) {
        for (OperationModel operation : api.operations()) {
            if (operation.integration() == null) {
                diagnostics.error(operation.pointer(), "no x-amazon-apigateway-integration: API Gateway refuses a"
                        + " method without one (\"No integration defined for method\")");
            } else {
                IntegrationCheck.check(operation, diagnostics);
            }
        }
        TemplateCheck.check(api, diagnostics);
        Resource root = RouteCheck.resourceTree(api.operations(), diagnostics);
        UnservedFeatures.report(api, diagnostics);
        return root;
    }
}
