package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.List;

/**
 * The configured Lambda functions ({@code turnpike.lambda.<Function>}) for a caller without a REST API: WebSocket
 * routes. Same binding, same in-process threads and concurrency limits, same remote client as REST integrations.
 */
public final class LambdaCalls implements AutoCloseable {

    private final LambdaFunctions functions;
    private final LambdaInvoker invoker;

    private LambdaCalls(LambdaFunctions functions) {
        this.functions = functions;
        this.invoker = new LambdaInvoker(functions, List.of());
    }

    /**
     * Loads every function {@code config} binds; handler classes come from {@code loader}.
     *
     * @throws dev.turnpike.runtime.config.ConfigException naming every bad {@code turnpike.lambda.*} key
     */
    public static LambdaCalls load(TurnpikeConfig config, ClassLoader loader) {
        return new LambdaCalls(LambdaFunctions.load(config, loader));
    }

    public LambdaInvoker invoker() {
        return invoker;
    }

    /** Stops in-process functions' threads and the remote client. */
    @Override
    public void close() {
        functions.close();
    }
}
