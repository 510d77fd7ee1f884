package dev.turnpike.runtime.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The method request's parameters as templates see them: single values (the last of repeated query parameters or
 * headers), multi-values, and the headers API Gateway hides from templates removed (SEMANTICS.md §2.8).
 */
final class RequestParameters {

    /** Headers a template never sees, even when the client sent them (recorded on AWS). */
    static final Set<String> HIDDEN_HEADERS = Set.of("connection", "content-md5", "expect", "max-forwards",
            "proxy-authenticate", "server", "te", "trailer", "transfer-encoding", "upgrade", "www-authenticate");

    final Map<String, String> path;
    final Map<String, String> querystring;
    final Map<String, String> header;
    final Map<String, List<String>> multiValueQuerystring;
    final Map<String, List<String>> multiValueHeader;

    RequestParameters(TemplateContext context) {
        this.path = Collections.unmodifiableMap(new LinkedHashMap<>(context.pathParameters()));
        this.querystring = Collections.unmodifiableMap(last(context.queryParameters(), new LinkedHashMap<>()));
        Map<String, List<String>> visible = new LinkedHashMap<>();
        context.headers().forEach((name, values) -> {
            if (!HIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                visible.put(name, values);
            }
        });
        this.header = Collections.unmodifiableMap(last(visible, new HeaderMap<>()));
        this.multiValueQuerystring = context.queryParameters();
        HeaderMap<List<String>> multi = new HeaderMap<>();
        multi.putAll(visible);
        this.multiValueHeader = Collections.unmodifiableMap(multi);
    }

    /** Path, then query string, then header; {@code ""} when none has it. */
    String find(String name) {
        if (name == null) {
            return "";
        }
        String value = path.get(name);
        if (value == null) {
            value = querystring.get(name);
        }
        if (value == null) {
            value = header.get(name);
        }
        return value == null ? "" : value;
    }

    private static <M extends Map<String, String>> M last(Map<String, List<String>> values, M into) {
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                into.put(name, list.get(list.size() - 1));
            }
        });
        return into;
    }

    /**
     * Header names keep the client's spelling but are looked up ignoring case, as HTTP header names are (AWS's
     * rule is not recorded; see docs/templates.md).
     */
    static final class HeaderMap<V> extends LinkedHashMap<String, V> {

        private static final long serialVersionUID = 1L;

        @Override
        public V get(Object key) {
            V exact = super.get(key);
            if (exact != null || !(key instanceof String name)) {
                return exact;
            }
            for (Map.Entry<String, V> e : entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null || super.containsKey(key);
        }
    }
}
