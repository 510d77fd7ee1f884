package dev.turnpike.runtime.template;

import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.Map;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.Uberspect;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * One place in a compiled template where a value's type is not known at build time: {@code $x.name},
 * {@code $x.name(...)}, {@code $x[...]}, {@code #set($x.name = ...)}, {@code #foreach(... in $x)}. It asks the
 * reference engine's {@link SandboxUberspector} (so the sandbox, the metering and Velocity's overload and conversion
 * rules are the same ones) and remembers the answer for the last receiver type: a template position almost always
 * sees one type. Failures carry this position, as the reference engine's do.
 *
 * <p>Shared by every render of its template: the cache is one immutable entry swapped whole, so a race only costs a
 * second lookup.
 */
public final class CallSite {

    private static final Object[] NO_ARGS = {};

    private final String name;
    private final Info info;
    private Cached cached;

    private CallSite(String name, int line, int column) {
        this.name = name;
        this.info = new Info("compiled-template", line, column);
    }

    /** @param name the property or method name ({@code "get"} for an index, the loop variable for a loop) */
    public static CallSite at(String name, int line, int column) {
        return new CallSite(name, line, column);
    }

    private static Uberspect uberspect() {
        return ReferenceEngine.RUNTIME.getUberspect();
    }

    /**
     * {@code $o.name} in a compiled render, metered on the render's own budget: a map's entry (as the sandbox's
     * {@code MapEntryGet}) and a loop's state are read without the budget's thread-local lookup, which a loop over
     * a map otherwise pays on every read; anything else as {@link #property(Object)}.
     */
    public Object property(CompiledRender r, Object o) {
        if (o instanceof Map<?, ?> map && !(o instanceof ForeachScope)) {
            r.budget.tick(info);
            try {
                return map.get(name);
            } catch (IllegalArgumentException e) {
                return null; // as a property get that throws it
            }
        }
        if (o instanceof ForeachScope scope) {
            Object loop = loopProperty(scope);
            if (loop != null) {
                r.budget.tick(info);
                return loop;
            }
        }
        return property(o);
    }

    /** {@code $o.name}; null when {@code o} has no such property (or the sandbox hides it). */
    public Object property(Object o) {
        if (o instanceof ForeachScope scope) {
            Object loop = loopProperty(scope);
            if (loop != null) {
                RenderBudget.current().tick(info); // as the sandbox's MeteredGet
                return loop;
            }
        }
        Cached c = cached;
        VelPropertyGet get;
        if (c != null && c.type == o.getClass()) {
            get = (VelPropertyGet) c.executor;
        } else {
            get = uberspect().getPropertyGet(o, name, info);
            if (get != null && get.isCacheable()) {
                cached = new Cached(o.getClass(), get, null);
            }
        }
        if (get == null) {
            return null;
        }
        try {
            return get.invoke(o);
        } catch (InvocationTargetException e) {
            throw failed(get.getMethodName(), e.getTargetException());
        } catch (IllegalArgumentException e) {
            return null;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("ASTIdentifier.execute() : identifier = " + name, info, e);
        }
    }

    /**
     * {@code $foreach.hasNext} and its siblings, read in every iteration of most loops: the getters Velocity's
     * property lookup picks for these names ({@code getHasNext}, ...), called without reflection; null for any
     * other name.
     */
    private Object loopProperty(ForeachScope scope) {
        return switch (name) {
            case "hasNext" -> scope.getHasNext();
            case "index" -> scope.getIndex();
            case "count" -> scope.getCount();
            case "first" -> scope.getFirst();
            case "last" -> scope.getLast();
            default -> null;
        };
    }

    /** {@code $o.name(args)} in a compiled render: a direct call is metered on the render's own budget. */
    public Object call(CompiledRender r, Object o, Object... args) {
        return callMetering(r.budget, o, args);
    }

    /** {@code $o.name(args)}; null when no such method is allowed, {@code ""} for a void method. */
    public Object call(Object o, Object... args) {
        return callMetering(null, o, args);
    }

    /** @param budget the render's budget; null to find it through the thread-local */
    private Object callMetering(RenderBudget budget, Object o, Object[] args) {
        Object[] params = args == null ? NO_ARGS : args;
        Object direct = direct(budget, o, params);
        if (direct != DirectCalls.NOT_DIRECT) {
            return direct;
        }
        VelMethod method = method(o, name, params);
        if (method == null) {
            return null;
        }
        try {
            Object result = method.invoke(o, params);
            return result == null && method.getReturnType() == Void.TYPE ? "" : result;
        } catch (InvocationTargetException e) {
            throw failed(name, e.getTargetException());
        } catch (IllegalArgumentException e) {
            throw failed(name, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("ASTMethod.execute() : exception invoking method '" + name + "' in "
                    + o.getClass(), info, e);
        }
    }

    /**
     * A call to {@code $input}, {@code $util} or a map made without reflection, metered as the sandbox meters it
     * ({@code SandboxUberspector.MeteredMethod}); {@link DirectCalls#NOT_DIRECT} for any other call.
     */
    private Object direct(RenderBudget renderBudget, Object o, Object[] params) {
        if (!DirectCalls.handles(o, name, params)) {
            return DirectCalls.NOT_DIRECT;
        }
        RenderBudget budget = renderBudget != null ? renderBudget : RenderBudget.current();
        budget.tick(info);
        Object result;
        try {
            result = DirectCalls.call(o, name, params);
        } catch (Exception e) {
            throw failed(name, e); // as the reflective call's InvocationTargetException is unwrapped
        }
        budget.checkSize(result, info);
        if (result instanceof CharSequence cs && result != o) {
            budget.produced(cs.length(), info);
        }
        if (o instanceof Map<?, ?>) {
            budget.checkSize(o, info);
        }
        return result;
    }

    /** {@code $o[key]}: {@code get(key)}, a negative integer counting from the end. */
    public Object index(Object o, Object key) {
        Object argument = fromEnd(o, key);
        Object[] params = {argument};
        VelMethod method = method(o, "get", params);
        if (method == null) {
            return null;
        }
        try {
            Object result = method.invoke(o, params);
            return result == null && method.getReturnType() == Void.TYPE ? "" : result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("Error invoking method 'get("
                    + (argument == null ? "null" : argument.getClass().getName()) + ")' in "
                    + o.getClass().getName(), info, e);
        }
    }

    /** {@code #set($o.name = value)} in a compiled render: a map's entry is put as the sandbox's {@code MapEntrySet}. */
    public void setProperty(CompiledRender r, Object o, Object value) {
        if (o instanceof Map<?, ?> && !(o instanceof ForeachScope)) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) o;
            r.budget.tick(info);
            map.put(name, value);
            r.budget.checkSize(map, info);
            return;
        }
        setProperty(o, value);
    }

    /** {@code #set($o.name = value)}; nothing when {@code o} has no such property. */
    public void setProperty(Object o, Object value) {
        VelPropertySet set = uberspect().getPropertySet(o, name, value, info);
        if (set == null) {
            return;
        }
        try {
            set.invoke(o, value);
        } catch (InvocationTargetException e) {
            throw new RenderBudget.RenderFailure("ASTReference: Invocation of method '" + name + "' in  "
                    + o.getClass() + " threw exception " + e.getTargetException(), info, e.getTargetException());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("ASTReference setValue(): exception: " + e, info, e);
        }
    }

    /** {@code #set($o[key] = value)}: {@code set(key, value)}, else {@code put(key, value)}. */
    public void setIndex(Object o, Object key, Object value) {
        Object argument = fromEnd(o, key);
        Object[] params = {argument, value};
        String methodName = "set";
        VelMethod method = uberspect().getMethod(o, methodName, params, info);
        if (method == null) {
            methodName = "put";
            method = uberspect().getMethod(o, methodName, params, info);
        }
        if (method == null) {
            return;
        }
        try {
            method.invoke(o, params);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("Exception calling method '" + methodName + "("
                    + className(argument) + "," + className(value) + ")' in  " + o.getClass(), info, e.getCause());
        }
    }

    /** The iterator {@code #foreach} walks in a compiled render, each step metered on the render's own budget. */
    public Iterator<?> iterator(CompiledRender r, Object o) {
        return o == null ? null : ((SandboxUberspector) uberspect()).getIterator(o, info, r.budget);
    }

    /** The iterator {@code #foreach} walks, metered; null when {@code o} is not iterable. */
    public Iterator<?> iterator(Object o) {
        return o == null ? null : uberspect().getIterator(o, info);
    }

    private VelMethod method(Object o, String methodName, Object[] params) {
        Cached c = cached;
        if (c != null && c.type == o.getClass() && c.sameArgumentTypes(params)) {
            return (VelMethod) c.executor;
        }
        VelMethod method = uberspect().getMethod(o, methodName, params, info);
        if (method != null) {
            cached = new Cached(o.getClass(), method, argumentTypes(params));
        }
        return method;
    }

    private Object fromEnd(Object o, Object key) {
        if (!(key instanceof Integer i) || i >= 0) {
            return key;
        }
        VelMethod size = uberspect().getMethod(o, "size", NO_ARGS, info);
        if (size == null) {
            throw new RenderBudget.RenderFailure("A 'size()' method required for negative value " + i
                    + " does not exist for class '" + o.getClass().getName() + "'", info);
        }
        Object count;
        try {
            count = size.invoke(o, NO_ARGS);
        } catch (Exception e) {
            throw new RenderBudget.RenderFailure("Error trying to calls the 'size()' method on '"
                    + o.getClass().getName() + "'", info, e);
        }
        if (!(count instanceof Integer n)) {
            throw new RenderBudget.RenderFailure("Method 'size()' on class '" + o.getClass().getName()
                    + "' returned '" + count.getClass().getName() + "' when Integer was expected", info);
        }
        return n + i;
    }

    /** A called method threw: as the reference engine's {@link AwsReferences#methodException}. */
    private RuntimeException failed(String method, Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof CompiledRender.Stop stop) {
            throw stop;
        }
        if (cause instanceof RenderBudget.RenderFailure failure) {
            return new RenderBudget.RenderFailure(failure.getMessage(), info, failure);
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new RenderBudget.RenderFailure(method + "(...) failed: " + detail, info, cause);
    }

    private static String className(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    private static Class<?>[] argumentTypes(Object[] params) {
        Class<?>[] types = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            types[i] = params[i] == null ? null : params[i].getClass();
        }
        return types;
    }

    /** The executor found for one receiver type (and, for methods, argument types). */
    private record Cached(Class<?> type, Object executor, Class<?>[] arguments) {

        boolean sameArgumentTypes(Object[] params) {
            if (arguments == null || arguments.length != params.length) {
                return false;
            }
            for (int i = 0; i < params.length; i++) {
                if (arguments[i] != (params[i] == null ? null : params[i].getClass())) {
                    return false;
                }
            }
            return true;
        }
    }
}
