package dev.turnpike.runtime.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * The only door from a template to Java: an allow-list of receiver types and method names. Everything else
 * (getClass, reflection, static classes, streams, other objects' methods) does not exist for a template and
 * renders as nothing, like any undefined reference. Every call allowed is also metered by the {@link RenderBudget}.
 *
 * <p>Reachable objects are only: the variables' own classes ({@link InputVariable}, {@link UtilFunctions}), maps,
 * lists, sets, arrays from {@code split}, strings, numbers, booleans, map entries and {@code $foreach} (a
 * Velocity {@code Scope}, itself a map: only its loop properties are reachable).
 */
public final class SandboxUberspector extends UberspectImpl {

    private static final Set<String> STRING_METHODS = Set.of("length", "isEmpty", "isBlank", "charAt", "contains",
            "startsWith", "endsWith", "indexOf", "lastIndexOf", "substring", "toLowerCase", "toUpperCase", "trim",
            "strip", "stripLeading", "stripTrailing", "equals", "equalsIgnoreCase", "compareTo",
            "compareToIgnoreCase", "matches", "replace", "replaceAll", "replaceFirst", "split", "concat", "toString",
            "hashCode");
    private static final Set<String> NUMBER_METHODS = Set.of("intValue", "longValue", "doubleValue", "floatValue",
            "shortValue", "byteValue", "booleanValue", "toString", "equals", "compareTo", "hashCode");
    private static final Set<String> MAP_METHODS = Set.of("get", "put", "containsKey", "containsValue", "keySet",
            "values", "entrySet", "size", "isEmpty", "remove", "putAll", "getOrDefault", "putIfAbsent", "clear",
            "toString", "equals", "hashCode");
    private static final Set<String> COLLECTION_METHODS = Set.of("get", "size", "isEmpty", "contains",
            "containsAll", "indexOf", "lastIndexOf", "add", "addAll", "remove", "set", "subList", "clear", "toString",
            "equals", "hashCode");
    private static final Set<String> ARRAY_METHODS = Set.of("get", "size", "isEmpty", "contains", "indexOf",
            "lastIndexOf", "toString");
    private static final Set<String> ENTRY_METHODS = Set.of("getKey", "getValue", "toString", "equals", "hashCode");
    private static final Set<String> FOREACH_PROPERTIES = Set.of("hasNext", "index", "count", "first", "last");
    private static final Set<String> FOREACH_METHODS = Set.of("hasNext", "getHasNext", "getIndex", "getCount",
            "isFirst", "getFirst", "isLast", "getLast");
    private static final Set<String> INPUT_METHODS = surface(InputVariable.class);
    private static final Set<String> UTIL_METHODS = surface(UtilFunctions.class);
    /** String methods whose result can be far larger than their inputs; checked before they run. */
    private static final Set<String> AMPLIFYING = Set.of("replace", "replaceAll", "replaceFirst", "concat");

    /** Whether a template may call {@code name} on {@code receiver}. */
    static boolean allows(Object receiver, String name) {
        if (receiver instanceof InputVariable) {
            return INPUT_METHODS.contains(name);
        }
        if (receiver instanceof UtilFunctions) {
            return UTIL_METHODS.contains(name);
        }
        if (receiver instanceof String) {
            return STRING_METHODS.contains(name);
        }
        if (receiver instanceof Number || receiver instanceof Boolean) {
            return NUMBER_METHODS.contains(name);
        }
        if (receiver instanceof ForeachScope) {
            return FOREACH_METHODS.contains(name);
        }
        if (receiver instanceof Map) {
            return MAP_METHODS.contains(name);
        }
        if (receiver instanceof List || receiver instanceof Set || receiver instanceof Collection) {
            return COLLECTION_METHODS.contains(name);
        }
        if (receiver instanceof Map.Entry) {
            return ENTRY_METHODS.contains(name);
        }
        if (receiver.getClass().isArray()) {
            return ARRAY_METHODS.contains(name);
        }
        return false;
    }

    /** The public instance methods a variable class declares itself: its template surface. */
    private static Set<String> surface(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        for (Method m : type.getDeclaredMethods()) {
            int modifiers = m.getModifiers();
            if (java.lang.reflect.Modifier.isPublic(modifiers) && !java.lang.reflect.Modifier.isStatic(modifiers)) {
                names.add(m.getName());
            }
        }
        names.remove("toString");
        return Set.copyOf(names);
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        if (obj == null || !allows(obj, methodName)) {
            return null;
        }
        VelMethod method = super.getMethod(obj, methodName, args, info);
        // An allowed name can still resolve to a static overload (Integer.toString(int, int) for $n.toString(7, 2)):
        // the surface is instance methods only.
        if (method == null || method.getMethod().getDeclaringClass() == Object.class
                && !methodName.equals("toString") && !methodName.equals("equals")
                || java.lang.reflect.Modifier.isStatic(method.getMethod().getModifiers())) {
            return null;
        }
        return new MeteredMethod(method, info);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        if (obj instanceof Map<?, ?> && !(obj instanceof ForeachScope)) {
            return new MapEntryGet(identifier, info);
        }
        if (obj instanceof InputVariable && identifier.equals("body")
                || obj instanceof ForeachScope && FOREACH_PROPERTIES.contains(identifier)
                || obj instanceof Map.Entry && (identifier.equals("key") || identifier.equals("value"))
                || (obj instanceof String || obj instanceof Collection) && identifier.equals("empty")) {
            VelPropertyGet get = super.getPropertyGet(obj, identifier, info);
            return get == null ? null : new MeteredGet(get, info);
        }
        return null;
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        return obj instanceof Map<?, ?> && !(obj instanceof ForeachScope) ? new MapEntrySet(identifier, info) : null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Iterator getIterator(Object obj, Info info) {
        return getIterator(obj, info, null);
    }

    /** As {@link #getIterator(Object, Info)}, each step metered on {@code budget} (null: the thread's render's). */
    Iterator<?> getIterator(Object obj, Info info, RenderBudget budget) {
        if (obj == null || !(obj instanceof Iterable || obj instanceof Map || obj.getClass().isArray())) {
            return null;
        }
        Iterator<?> iterator = super.getIterator(obj, info);
        return iterator == null ? null : new MeteredIterator(iterator, info, budget);
    }

    /** Runs an allowed method under the budget; regex methods of String on a clock-checking input. */
    private static final class MeteredMethod implements VelMethod {

        private final VelMethod method;
        private final Info info;

        MeteredMethod(VelMethod method, Info info) {
            this.method = method;
            this.info = info;
        }

        @Override
        public Object invoke(Object o, Object[] params) throws IllegalAccessException, InvocationTargetException {
            RenderBudget budget = RenderBudget.current();
            budget.tick(info);
            Object result;
            if (o instanceof String s && params.length > 0 && params[0] instanceof String) {
                checkAmplification(s, method.getMethodName(), params, budget);
                result = BoundedRegex.isRegexMethod(method.getMethodName(), params)
                        ? regex(s, params, budget)
                        : method.invoke(o, params);
            } else {
                result = method.invoke(o, params);
            }
            budget.checkSize(result, info);
            if (result instanceof CharSequence cs && result != o) {
                budget.produced(cs.length(), info);
            }
            if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
                budget.checkSize(o, info);
            }
            return result;
        }

        private Object regex(String s, Object[] params, RenderBudget budget) throws InvocationTargetException {
            try {
                return BoundedRegex.invoke(s, method.getMethodName(), params, budget, info);
            } catch (RenderBudget.RenderFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvocationTargetException(e);
            }
        }

        private void checkAmplification(String s, String name, Object[] params, RenderBudget budget) {
            if (!AMPLIFYING.contains(name)) {
                return;
            }
            String replacement = params.length > 1 && params[1] instanceof String r ? r
                    : name.equals("concat") ? (String) params[0] : "";
            long dollars = replacement.chars().filter(c -> c == '$').count();
            long bound = name.equals("concat") ? (long) s.length() + replacement.length()
                    : s.length() + (s.length() + 1L) * (replacement.length() + dollars * s.length());
            if (bound > budget.limits.maxStringChars()) {
                throw new RenderBudget.RenderFailure(name + " could build a string of more than "
                        + budget.limits.maxStringChars() + " characters", info);
            }
        }

        @Override
        public boolean isCacheable() {
            return method.isCacheable();
        }

        @Override
        public String getMethodName() {
            return method.getMethodName();
        }

        @Override
        public Method getMethod() {
            return method.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return method.getReturnType();
        }
    }

    private static final class MeteredGet implements VelPropertyGet {

        private final VelPropertyGet get;
        private final Info info;

        MeteredGet(VelPropertyGet get, Info info) {
            this.get = get;
            this.info = info;
        }

        @Override
        public Object invoke(Object o) throws Exception {
            RenderBudget.current().tick(info);
            return get.invoke(o);
        }

        @Override
        public boolean isCacheable() {
            return get.isCacheable();
        }

        @Override
        public String getMethodName() {
            return get.getMethodName();
        }
    }

    /** {@code $map.key}: always the map's entry (never a getter of the map's class). */
    private static final class MapEntryGet implements VelPropertyGet {

        private final String key;
        private final Info info;

        MapEntryGet(String key, Info info) {
            this.key = key;
            this.info = info;
        }

        @Override
        public Object invoke(Object o) {
            RenderBudget.current().tick(info);
            return ((Map<?, ?>) o).get(key);
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "get";
        }
    }

    /** {@code #set($map.key = value)}. */
    private static final class MapEntrySet implements VelPropertySet {

        private final String key;
        private final Info info;

        MapEntrySet(String key, Info info) {
            this.key = key;
            this.info = info;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object o, Object value) {
            RenderBudget budget = RenderBudget.current();
            budget.tick(info);
            Map<Object, Object> map = (Map<Object, Object>) o;
            Object previous = map.put(key, value);
            budget.checkSize(map, info);
            return previous;
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "put";
        }
    }

    private static final class MeteredIterator implements Iterator<Object> {

        private final Iterator<?> iterator;
        private final Info info;
        /** The render's budget when the caller has it at hand; null to find it through the thread-local. */
        private final RenderBudget budget;

        MeteredIterator(Iterator<?> iterator, Info info, RenderBudget budget) {
            this.iterator = iterator;
            this.info = info;
            this.budget = budget;
        }

        @Override
        public boolean hasNext() {
            return iterator.hasNext();
        }

        @Override
        public Object next() {
            (budget != null ? budget : RenderBudget.current()).iteration(info);
            return iterator.next();
        }
    }
}
