package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lambda functions this gateway calls, bound by configuration: {@code turnpike.lambda.<Function> =
 * <handler class>} (the function name as in the integration's ARN) runs it in process, optionally with {@code
 * turnpike.lambda.<Function>.concurrency} (default {@value #DEFAULT_CONCURRENCY}); {@code turnpike.lambda.<Function>
 * = remote} calls it on Lambda ({@link RemoteLambdaFunctions}) in {@code turnpike.region}, at {@value #ENDPOINT}
 * when set. Handler classes are loaded and instantiated once, at start, from the application's class loader; a
 * missing or unusable class fails start, as does a remote function without the AWS SDK on the classpath.
 */
final class LambdaFunctions implements AutoCloseable {

    static final int DEFAULT_CONCURRENCY = 64;
    private static final String PREFIX = "turnpike.lambda.";
    private static final String CONCURRENCY = ".concurrency";
    /** The value that binds a function to Lambda instead of a handler class. */
    static final String REMOTE = "remote";
    /** Where remote functions are invoked when not at AWS's Lambda endpoint for the region. */
    static final String ENDPOINT = "turnpike.aws.lambda.endpoint";

    private final Map<String, LambdaFunction> functions;
    private final RemoteLambdaFunctions remote;

    private LambdaFunctions(Map<String, LambdaFunction> functions, RemoteLambdaFunctions remote) {
        this.functions = functions;
        this.remote = remote;
    }

    /** Handler classes come from {@code loader}, else from the thread's context class loader. */
    static LambdaFunctions load(TurnpikeConfig config, ClassLoader loader) {
        Map<String, String> values = config.values();
        Map<String, LambdaFunction> functions = new TreeMap<>();
        List<String> remoteNames = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX) || key.endsWith(CONCURRENCY)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (e.getValue().trim().equals(REMOTE)) {
                if (values.containsKey(key + CONCURRENCY)) {
                    problems.add(key + CONCURRENCY + ": a remote function's concurrency is set on Lambda, not here");
                }
                remoteNames.add(name);
                continue;
            }
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
        URI endpoint = remoteNames.isEmpty() ? null : endpoint(values.get(ENDPOINT), problems);
        if (!remoteNames.isEmpty()) {
            String missing = AwsSdk.missing(AwsSdk.LAMBDA, PREFIX + remoteNames.get(0) + "=" + REMOTE);
            if (missing != null) {
                problems.add(missing);
            }
        }
        if (!problems.isEmpty()) {
            functions.values().forEach(LambdaFunction::close);
            throw new ConfigException(problems);
        }
        RemoteLambdaFunctions remote = null;
        if (!remoteNames.isEmpty()) {
            remote = RemoteLambdaFunctions.create(config.region(), endpoint);
            for (String name : remoteNames) {
                functions.put(name, remote.function(name));
            }
        }
        return new LambdaFunctions(functions, remote);
    }

    /** The endpoint override, checked: an absolute http or https URL. */
    private static URI endpoint(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(ENDPOINT + ": not an http or https URL: '" + value + "'");
        return null;
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
    LambdaFunction get(String name) {
        return functions.get(name);
    }

    @Override
    public void close() {
        functions.values().forEach(LambdaFunction::close);
        if (remote != null) {
            remote.close();
        }
    }
}
