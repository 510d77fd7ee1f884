package dev.turnpike.codegen.model;

import dev.turnpike.runtime.model.ConnectionType;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.List;
import java.util.Map;

/**
 * An operation's {@code x-amazon-apigateway-integration} as read, before its values are checked: AWS's field
 * names, enums upper-cased, absent fields {@code null}.
 *
 * @param pointer where the extension is
 * @param fields the names of the fields the definition gives a value, in its order, including those whose value
 *     could not be read (so a check can tell "missing" from "unreadable, already reported")
 * @param type {@code null} when the definition gives none or an unknown one (already reported)
 * @param timeoutInMillis {@code null} for AWS's default
 * @param cacheNamespace read for completeness; the runtime model has no place for it yet
 * @param insecureSkipVerification {@code tlsConfig.insecureSkipVerification}, for HTTP and HTTP_PROXY
 */
public record IntegrationModel(
        JsonPointer pointer,
        List<String> fields,
        IntegrationType type,
        String httpMethod,
        String uri,
        ConnectionType connectionType,
        String connectionId,
        String credentials,
        Integer timeoutInMillis,
        String passthroughBehavior,
        String contentHandling,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        List<String> cacheKeyParameters,
        String cacheNamespace,
        List<IntegrationResponseModel> responses,
        boolean insecureSkipVerification) {

    public IntegrationModel {
        fields = List.copyOf(fields);
        requestParameters = OrderedMaps.copyOf(requestParameters);
        requestTemplates = OrderedMaps.copyOf(requestTemplates);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
        responses = List.copyOf(responses);
    }

    public JsonPointer field(String name) {
        return pointer.append(name);
    }
}
