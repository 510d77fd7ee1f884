package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.codegen.openapi.OperationSource.ParameterDeclaration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Declared parameters (name, location, required), from swagger-parser's model or from the raw list of
 * {@code x-amazon-apigateway-any-method}, with {@code $ref}s to reusable parameters resolved. Body and form
 * parameters are not request parameters in API Gateway's sense and are left out.
 */
final class ParameterReader {

    private final Components components;
    private final Diagnostics diagnostics;

    ParameterReader(Components components, Diagnostics diagnostics) {
        this.components = components;
        this.diagnostics = diagnostics;
    }

    List<ParameterDeclaration> fromModel(List<Parameter> parameters, JsonPointer pointer) {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        if (parameters != null) {
            for (int i = 0; i < parameters.size(); i++) {
                add(resolve(parameters.get(i), pointer.append(i)), pointer.append(i), declarations);
            }
        }
        return declarations;
    }

    List<ParameterDeclaration> fromRaw(Object parameters, JsonPointer pointer) {
        List<ParameterDeclaration> declarations = new ArrayList<>();
        if (parameters == null) {
            return declarations;
        }
        if (!(parameters instanceof List<?> list)) {
            diagnostics.error(pointer, "expected a list, found " + ExtensionObject.describe(parameters));
            return declarations;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = pointer.append(i);
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                diagnostics.error(at, "expected an object, found " + ExtensionObject.describe(list.get(i)));
                continue;
            }
            Parameter parameter = new Parameter();
            if (raw.get("$ref") instanceof String ref) {
                parameter.set$ref(ref);
            } else {
                parameter.setName(raw.get("name") instanceof String name ? name : null);
                parameter.setIn(raw.get("in") instanceof String in ? in : null);
                parameter.setRequired(Boolean.TRUE.equals(raw.get("required")));
            }
            add(resolve(parameter, at), at, declarations);
        }
        return declarations;
    }

    private Parameter resolve(Parameter parameter, JsonPointer pointer) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        Parameter target = components == null || components.getParameters() == null
                ? null : components.getParameters().get(name);
        if (target == null) {
            diagnostics.error(pointer.append("$ref"),
                    "'" + ref + "' does not name a reusable parameter of the definition");
        }
        return target;
    }

    private void add(Parameter parameter, JsonPointer pointer, List<ParameterDeclaration> declarations) {
        if (parameter == null || parameter.getIn() == null || parameter.getIn().equals("body")
                || parameter.getIn().equals("formData")) {
            return;
        }
        if (parameter.getName() == null || parameter.getName().isEmpty()) {
            diagnostics.error(pointer, "a " + parameter.getIn() + " parameter needs a name");
            return;
        }
        boolean required = "path".equals(parameter.getIn()) || Boolean.TRUE.equals(parameter.getRequired());
        declarations.add(new ParameterDeclaration(parameter.getIn(), parameter.getName(), required, pointer));
    }
}
