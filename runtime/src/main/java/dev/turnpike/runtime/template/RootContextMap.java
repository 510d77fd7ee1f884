package dev.turnpike.runtime.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The map behind {@code $context}: a {@link HashMap} (AWS's {@code keySet()} order) whose nested maps are fresh
 * {@link ContextMap}s per render, because a template may {@code #set} into them.
 *
 * <p>It may start <em>pending</em>: most templates read one or two plain values ({@code $context.requestId}) or an
 * override, and copying every entry and nested map for that was most of a short compiled render. A pending map
 * answers {@link #get} of a plain value, an override and {@link #size} from the immutable {@link TemplateContext},
 * and {@link #get} of a nested map with a copy of that map alone (kept, so it is one object for the render);
 * anything else (a write, a view, iteration, equality) first fills it with exactly the entries, in exactly the
 * order, the eager copy puts (reusing the nested copies already handed out), so everything a template can observe
 * is the same.
 */
final class RootContextMap extends HashMap<String, Object> {

    private static final long serialVersionUID = 1L;
    private static final String REQUEST_OVERRIDE = "requestOverride";
    private static final String RESPONSE_OVERRIDE = "responseOverride";

    /** The context still to copy; null once filled. */
    private transient TemplateContext pending;
    /** Nested maps already handed out while pending: the filled map must hold these very copies. */
    private transient Map<String, Object> copied;

    /** The map, copied now. */
    static RootContextMap filled(TemplateContext context) {
        RootContextMap map = new RootContextMap(context);
        map.fill();
        return map;
    }

    /** The map, copied when a template first needs more than a plain value. */
    static RootContextMap pending(TemplateContext context) {
        return new RootContextMap(context);
    }

    private RootContextMap(TemplateContext context) {
        this.pending = context;
    }

    private void fill() {
        TemplateContext context = pending;
        if (context == null) {
            return;
        }
        pending = null;
        Map<String, Object> copied = this.copied;
        this.copied = null;
        context.context().forEach((key, value) -> {
            if (!key.equals(REQUEST_OVERRIDE) && !key.equals(RESPONSE_OVERRIDE)) {
                Object copy = copied == null ? null : copied.get(key);
                super.put(key, copy != null ? copy : copy(key, value));
            }
        });
        super.put(REQUEST_OVERRIDE, context.overrides().requestOverride());
        super.put(RESPONSE_OVERRIDE, context.overrides().responseOverride());
    }

    /** The value the map holds for a context entry: a nested map copied, {@code error} with its messageString. */
    private static Object copy(String key, Object value) {
        Object copy = nested(value);
        if (key.equals("error") && copy instanceof Map<?, ?> error && error.get("message") instanceof String message
                && !error.containsKey("messageString")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> writable = (Map<String, Object>) error;
            writable.put("messageString", Payload.toJson(message));
        }
        return copy;
    }

    private static Object nested(Object value) {
        if (value instanceof Map<?, ?> map) {
            ContextMap copy = new ContextMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), nested(v)));
            return copy;
        }
        return value;
    }

    @Override
    public Object get(Object key) {
        TemplateContext context = pending;
        if (context != null) {
            // The overrides are shared objects, plain values are immutable or shared by the eager copy too: the
            // same objects the filled map would return.
            if (REQUEST_OVERRIDE.equals(key)) {
                return context.overrides().requestOverride();
            }
            if (RESPONSE_OVERRIDE.equals(key)) {
                return context.overrides().responseOverride();
            }
            Object value = context.context().get(key);
            if (!(value instanceof Map<?, ?>)) {
                return value == null && "authorizer".equals(key) && !context.context().containsKey(key)
                        ? new ContextMap() : value;
            }
            // A nested map is copied alone ($context.identity.sourceIp), once: later reads and the fill reuse it.
            if (copied == null) {
                copied = new HashMap<>(4);
            }
            return copied.computeIfAbsent((String) key, k -> copy(k, context.context().get(k)));
        }
        Object value = super.get(key);
        if (value == null && "authorizer".equals(key) && !containsKey(key)) {
            // $context.authorizer is an empty map when no authorizer ran, yet not a key (SEMANTICS.md §2.12).
            return new ContextMap();
        }
        return value;
    }

    @Override
    public int size() {
        TemplateContext context = pending;
        if (context != null) {
            Map<String, Object> values = context.context();
            return values.size() - (values.containsKey(REQUEST_OVERRIDE) ? 1 : 0)
                    - (values.containsKey(RESPONSE_OVERRIDE) ? 1 : 0) + 2;
        }
        return super.size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    // Everything else sees the filled map.

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        fill();
        return super.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        fill();
        return super.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        fill();
        return super.containsValue(value);
    }

    @Override
    public Object put(String key, Object value) {
        fill();
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        fill();
        super.putAll(values);
    }

    @Override
    public Object remove(Object key) {
        fill();
        return super.remove(key);
    }

    @Override
    public void clear() {
        fill();
        super.clear();
    }

    @Override
    public Set<String> keySet() {
        fill();
        return super.keySet();
    }

    @Override
    public Collection<Object> values() {
        fill();
        return super.values();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        fill();
        return super.entrySet();
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        fill();
        return super.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        fill();
        return super.remove(key, value);
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        fill();
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public Object replace(String key, Object value) {
        fill();
        return super.replace(key, value);
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mapping) {
        fill();
        return super.computeIfAbsent(key, mapping);
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remapping) {
        fill();
        return super.computeIfPresent(key, remapping);
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remapping) {
        fill();
        return super.compute(key, remapping);
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remapping) {
        fill();
        return super.merge(key, value, remapping);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        fill();
        super.forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        fill();
        super.replaceAll(function);
    }

    @Override
    public Object clone() {
        fill();
        return super.clone();
    }

    @Override
    public boolean equals(Object o) {
        fill();
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        fill();
        return super.hashCode();
    }

    @Override
    public String toString() {
        fill();
        return super.toString();
    }
}
