package dev.turnpike.runtime.template;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code $input.params()}: {@code path}, {@code querystring} and {@code header}, each a fresh, mutable copy of the
 * request's parameters (a template may change them).
 *
 * <p>It may start <em>pending</em>: a template that reads {@code $input.params().header.get('User-Agent')} needs one
 * of the three copies, not all of them and the map around them. A pending map answers {@link #get} with a copy of
 * that one map, made once and kept, and {@link #size} without copying; anything else (a write, a view, iteration,
 * equality) first fills it with the three entries in the eager order, reusing the copies handed out.
 */
final class ParameterMaps extends LinkedHashMap<String, Map<String, String>> {

    private static final long serialVersionUID = 1L;
    private static final String PATH = "path";
    private static final String QUERYSTRING = "querystring";
    private static final String HEADER = "header";

    /** The parameters still to copy; null once filled. */
    private transient RequestParameters pending;
    private transient Map<String, String> path;
    private transient Map<String, String> querystring;
    private transient Map<String, String> header;

    /** The maps, copied now. */
    static ParameterMaps filled(RequestParameters parameters) {
        ParameterMaps maps = new ParameterMaps(parameters);
        maps.fill();
        return maps;
    }

    /** The maps, each copied when a template first reads it. */
    static ParameterMaps pending(RequestParameters parameters) {
        return new ParameterMaps(parameters);
    }

    private ParameterMaps(RequestParameters parameters) {
        this.pending = parameters;
    }

    private void fill() {
        if (pending == null) {
            return;
        }
        Map<String, String> pathCopy = path();
        Map<String, String> querystringCopy = querystring();
        Map<String, String> headerCopy = header();
        pending = null;
        path = null;
        querystring = null;
        header = null;
        super.put(PATH, pathCopy);
        super.put(QUERYSTRING, querystringCopy);
        super.put(HEADER, headerCopy);
    }

    private Map<String, String> path() {
        if (path == null) {
            path = new LinkedHashMap<>(pending.path);
        }
        return path;
    }

    private Map<String, String> querystring() {
        if (querystring == null) {
            querystring = new LinkedHashMap<>(pending.querystring);
        }
        return querystring;
    }

    private Map<String, String> header() {
        if (header == null) {
            RequestParameters.HeaderMap<String> copy = new RequestParameters.HeaderMap<>();
            copy.putAll(pending.header);
            header = copy;
        }
        return header;
    }

    @Override
    public Map<String, String> get(Object key) {
        if (pending != null) {
            if (PATH.equals(key)) {
                return path();
            }
            if (QUERYSTRING.equals(key)) {
                return querystring();
            }
            return HEADER.equals(key) ? header() : null;
        }
        return super.get(key);
    }

    @Override
    public int size() {
        return pending != null ? 3 : super.size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    // Everything else sees the filled map.

    @Override
    public Map<String, String> getOrDefault(Object key, Map<String, String> defaultValue) {
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
    public Map<String, String> put(String key, Map<String, String> value) {
        fill();
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ? extends Map<String, String>> values) {
        fill();
        super.putAll(values);
    }

    @Override
    public Map<String, String> remove(Object key) {
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
    public Collection<Map<String, String>> values() {
        fill();
        return super.values();
    }

    @Override
    public Set<Map.Entry<String, Map<String, String>>> entrySet() {
        fill();
        return super.entrySet();
    }

    @Override
    public Map<String, String> putIfAbsent(String key, Map<String, String> value) {
        fill();
        return super.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        fill();
        return super.remove(key, value);
    }

    @Override
    public boolean replace(String key, Map<String, String> oldValue, Map<String, String> newValue) {
        fill();
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public Map<String, String> replace(String key, Map<String, String> value) {
        fill();
        return super.replace(key, value);
    }

    @Override
    public Map<String, String> computeIfAbsent(String key,
            Function<? super String, ? extends Map<String, String>> mapping) {
        fill();
        return super.computeIfAbsent(key, mapping);
    }

    @Override
    public Map<String, String> computeIfPresent(String key,
            BiFunction<? super String, ? super Map<String, String>, ? extends Map<String, String>> remapping) {
        fill();
        return super.computeIfPresent(key, remapping);
    }

    @Override
    public Map<String, String> compute(String key,
            BiFunction<? super String, ? super Map<String, String>, ? extends Map<String, String>> remapping) {
        fill();
        return super.compute(key, remapping);
    }

    @Override
    public Map<String, String> merge(String key, Map<String, String> value,
            BiFunction<? super Map<String, String>, ? super Map<String, String>, ? extends Map<String, String>> f) {
        fill();
        return super.merge(key, value, f);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Map<String, String>> action) {
        fill();
        super.forEach(action);
    }

    @Override
    public void replaceAll(
            BiFunction<? super String, ? super Map<String, String>, ? extends Map<String, String>> function) {
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
