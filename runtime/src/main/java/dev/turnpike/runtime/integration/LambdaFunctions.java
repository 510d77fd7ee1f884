package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lambda functions this gateway runs in process, bound by configuration: {@code turnpike.lambda.<Function> =
 * <handler class>} (the function name as in the integration's ARN) and optionally {@code
 * turnpike.lambda.<Function>.concurrency} (default {@value #DEFAULT_CONCURRENCY}). Handler classes are loaded and
 * instantiated once, at start, from the application's class loader; a missing or unusable class fails start.
 */
final class LambdaFunctions implements AutoCloseable {

    static final int DEFAULT_CONCURRENCY = 64;
    private static final String PREFIX = "turnpike.lambda.";
    private static final String CONCURRENCY = ".concurrency";

    private final Map<String, InProcessFunction> functions;

    private LambdaFunctions(Map<String, InProcessFunction> functions) {
        this.functions = functions;
    }

    /** Handler classes come from {@code loader}, else from the thread's context class loader. */
    static LambdaFunctions load(TurnpikeConfig config, ClassLoader loader) {
        Map<String, String> values = config.values();
        Map<String, InProcessFunction> functions = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX) || key.endsWith(CONCURRENCY)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            int concurrency = DEFAULT_CONCURRENCY;
            String limit = values.get(key + CONCURRENCY);
            if (limit != null) {
                concurrency = Integer.parseInt(limit.trim());
                if (concurrency < 1) {
                    problems.add(key + CONCURRENCY + ": must be at least 1, got " + concurrency);
                    continue;
                }
            }
            try {
                Class<?> handlerClass = load(e.getValue().trim(), loader);
                functions.put(name, InProcessFunction.of(name, handlerClass, concurrency));
            } catch (ClassNotFoundException | LinkageError ex) {
                problems.add(key + ": handler class " + e.getValue().trim() + " not found (" + ex + ")");
            } catch (IllegalArgumentException ex) {
                problems.add(key + ": " + ex.getMessage());
            }
        }
        for (String key : values.keySet()) {
            if (key.startsWith(PREFIX) && key.endsWith(CONCURRENCY)
                    && !values.containsKey(key.substring(0, key.length() - CONCURRENCY.length()))) {
                problems.add(key + ": no handler is bound to this function (set "
                        + key.substring(0, key.length() - CONCURRENCY.length()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            functions.values().forEach(InProcessFunction::close);
            throw new ConfigException(problems);
        }
        return new LambdaFunctions(functions);
    }

    private static Class<?> load(String className, ClassLoader loader) throws ClassNotFoundException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null || context == loader) {
                throw e;
            }
            return Class.forName(className, true, context);
        }
    }

    /** The function bound to {@code name}, or {@code null}. */
    InProcessFunction get(String name) {
        return functions.get(name);
    }

    @Override
    public void close() {
        functions.values().forEach(InProcessFunction::close);
    }
}
