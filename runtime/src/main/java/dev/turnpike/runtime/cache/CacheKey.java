package dev.turnpike.runtime.cache;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.model.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a cached response is filed under, as API Gateway keys its cache: the stage, the HTTP method, the resource
 * path as declared ({@code /pets/{petId}}, not the path requested) and the value of each of the integration's
 * {@code cacheKeyParameters}. A path parameter that is not a cache key parameter does not tell entries apart,
 * exactly as on AWS: {@code /pets/1} and {@code /pets/2} share one entry unless {@code method.request.path.petId}
 * is listed.
 *
 * @param parameters one element per cache key parameter, in the integration's order: its name, then
 *     {@code \u0001} for absent or {@code \u0002} and its values joined by {@code \u0000}
 */
public record CacheKey(String stage, String httpMethod, String resourcePath, List<String> parameters) {

    public CacheKey {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** The key of this request to {@code operation} on {@code stage}. */
    static CacheKey of(String stage, Operation operation, ClientRequest request, Map<String, String> pathParameters) {
        List<String> names = operation.integration().cacheKeyParameters();
        List<String> parameters = new ArrayList<>(names.size());
        QueryString query = null;
        for (String name : names) {
            String source = name;
            if (source.startsWith("integration.request.")) {
                // An integration request parameter stands for the method request value mapped onto it.
                String mapped = operation.integration().requestParameters().get(source);
                source = mapped == null ? source : mapped;
            }
            List<String> values;
            if (source.startsWith("method.request.path.")) {
                String v = pathParameters.get(source.substring("method.request.path.".length()));
                values = v == null ? List.of() : List.of(v);
            } else if (source.startsWith("method.request.querystring.")
                    || source.startsWith("method.request.multivaluequerystring.")) {
                if (query == null) {
                    query = QueryString.parse(request.rawQuery());
                }
                values = query.all(source.substring(source.indexOf("querystring.") + "querystring.".length()));
            } else if (source.startsWith("method.request.header.")
                    || source.startsWith("method.request.multivalueheader.")) {
                values = request.headers().all(source.substring(source.indexOf("header.") + "header.".length()));
            } else if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
                values = List.of(source.substring(1, source.length() - 1));
            } else {
                values = List.of(); // a source the key cannot read (context, stage variables): the same for all
            }
            parameters.add(values.isEmpty() ? name + '\u0001' : name + '\u0002' + String.join("\u0000", values));
        }
        // The request's method, not the operation's: GET and POST to an ANY method are different entries.
        return new CacheKey(stage, request.method(), operation.resourcePath(), parameters);
    }

    /** The key as one string, each part length-prefixed so no two keys share one: for stores outside the JVM. */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        for (String part : List.of(stage, httpMethod, resourcePath)) {
            sb.append(part.length()).append(':').append(part);
        }
        for (String p : parameters) {
            sb.append(p.length()).append(':').append(p);
        }
        return sb.toString();
    }

    /** About how many bytes the key holds, for the cache's weight. */
    int weight() {
        int w = 64 + 2 * (stage.length() + httpMethod.length() + resourcePath.length());
        for (String p : parameters) {
            w += 40 + 2 * p.length();
        }
        return w;
    }
}
