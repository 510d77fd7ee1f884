package dev.turnpike.runtime.integration;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The {@link Context} an in-process handler receives: its own invocation id, the function's name and qualifier,
 * the time left before the integration times out, and a logger writing to the gateway's log under
 * {@code turnpike.lambda.<function>}.
 */
final class LambdaContext implements Context {

    private final String awsRequestId;
    private final LambdaFunctionUri.Function function;
    private final String functionArn;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LambdaContext(String awsRequestId, LambdaFunctionUri.Function function, String region, String accountId,
            long deadlineNanos) {
        this.awsRequestId = awsRequestId;
        this.function = function;
        this.functionArn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function.name()
                + (function.qualifier() == null ? "" : ":" + function.qualifier());
        this.deadlineNanos = deadlineNanos;
        System.Logger log = System.getLogger("turnpike.lambda." + function.name());
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.log(System.Logger.Level.INFO, message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "turnpike-in-process";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
