package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.config.MethodSettings;
import dev.turnpike.runtime.config.StageSettings;
import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import dev.turnpike.runtime.pipeline.Exchange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Execution logs per stage, as the stage's method settings ask: {@code loggingLevel} {@code INFO} writes every
 * request's log, {@code ERROR} only the logs of requests that failed (4xx and 5xx), {@code OFF} (AWS's default)
 * none. Without {@code dataTraceEnabled} the lines that carry request and response data (headers, bodies) are
 * left out. Each line goes to the SLF4J logger {@code turnpike.execution.<apiId>.<stage>} as
 * {@code (<requestId>) <text>}, like a CloudWatch execution log; credentials are masked everywhere in it.
 */
final class StageExecutionLogs {

    /** Lines of request and response data, written only with {@code dataTraceEnabled}. */
    private static final List<String> DATA_LINES = List.of("Method request path:", "Method request query string:",
            "Method request headers:", "Method request body", "Endpoint request headers:", "Endpoint request body",
            "Endpoint response headers:", "Endpoint response body", "Method response body", "Method response headers:");

    private enum Level { OFF, ERROR, INFO }

    private record Settings(Level level, boolean dataTrace) {
        static final Settings OFF = new Settings(Level.OFF, false);

        static Settings of(MethodSettings settings) {
            Level level = settings.loggingLevel() == null ? Level.OFF : Level.valueOf(settings.loggingLevel());
            return level == Level.OFF ? OFF : new Settings(level, Boolean.TRUE.equals(settings.dataTraceEnabled()));
        }
    }

    private record StagePlan(Logger logger, Settings anyMethod, Map<Operation, Settings> methods) {
        Settings settingsFor(Operation op) {
            return op == null ? anyMethod : methods.getOrDefault(op, Settings.OFF);
        }
    }

    private final Map<String, StagePlan> stages;
    private final Clock clock;

    private StageExecutionLogs(Map<String, StagePlan> stages, Clock clock) {
        this.stages = stages;
        this.clock = clock;
    }

    /** The execution logs the stages ask for; {@code null} when no stage logs any method. */
    static StageExecutionLogs create(String apiId, GeneratedApi api, Collection<StageSettings> stageSettings,
            Clock clock) {
        Map<String, StagePlan> stages = new HashMap<>();
        for (StageSettings stage : stageSettings) {
            Settings anyMethod = Settings.of(stage.methodSettings().getOrDefault(StageSettings.ALL_METHODS,
                    MethodSettings.NONE));
            Map<Operation, Settings> methods = new IdentityHashMap<>();
            boolean logs = anyMethod != Settings.OFF;
            for (Operation op : api.operations()) {
                Settings settings = Settings.of(stage.settingsFor(op.resourcePath(), op.httpMethod()));
                methods.put(op, settings);
                logs |= settings != Settings.OFF;
            }
            if (logs) {
                stages.put(stage.name(), new StagePlan(LoggerFactory.getLogger("turnpike.execution." + apiId + "."
                        + stage.name()), anyMethod, methods));
            }
        }
        return stages.isEmpty() ? null : new StageExecutionLogs(Map.copyOf(stages), clock);
    }

    /** A recording log for a request its method's settings log, with its first lines; else {@link ExecutionLog#OFF}. */
    ExecutionLog start(Exchange exchange) {
        StagePlan plan = exchange.stage() == null ? null : stages.get(exchange.stage().name());
        Settings settings = plan == null ? Settings.OFF : plan.settingsFor(exchange.operation());
        if (settings == Settings.OFF) {
            return ExecutionLog.OFF;
        }
        ExecutionLog log = ExecutionLog.recording(clock, false);
        ClientRequest request = exchange.clientRequest();
        log.add("Extended Request Id: " + exchange.extendedRequestId());
        log.add("Starting execution for request: " + exchange.requestId());
        log.add("HTTP Method: " + request.method() + ", Resource Path: " + exchange.pathBelowStage());
        if (settings.dataTrace() && exchange.match() != null) {
            log.add("Method request path: " + ExecutionLog.map(exchange.match().pathParameters()));
            Map<String, String> query = new LinkedHashMap<>();
            QueryString.parse(request.rawQuery()).asMap().forEach((name, values) ->
                    query.put(name, values.get(values.size() - 1)));
            log.add("Method request query string: " + ExecutionLog.map(query));
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach((name, value) -> headers.merge(name, value, (a, b) -> a + "," + b));
            log.add("Method request headers: " + ExecutionLog.map(headers));
        }
        return log;
    }

    /** Writes the request's log if its settings ask for it. */
    void end(RequestEnd end) {
        Exchange exchange = end.exchange();
        ExecutionLog log = exchange.executionLog();
        if (!log.enabled() || exchange.stage() == null) {
            return;
        }
        StagePlan plan = stages.get(exchange.stage().name());
        if (plan == null) {
            return;
        }
        Settings settings = plan.settingsFor(exchange.operation());
        boolean failed = end.status() >= 400;
        if (settings == Settings.OFF || settings.level() == Level.ERROR && !failed) {
            return;
        }
        if (!failed) {
            log.add("Successfully completed execution");
        }
        log.add("Method completed with status: " + end.status());
        List<String> secrets = secrets(exchange.clientRequest());
        String prefix = "(" + exchange.requestId() + ") ";
        for (String line : log.lines()) {
            String text = withoutTime(line);
            if (!settings.dataTrace() && isData(text)) {
                continue;
            }
            for (String secret : secrets) {
                text = text.replace(secret, ExecutionLog.mask(secret));
            }
            if (settings.level() == Level.ERROR) {
                plan.logger().error(prefix + text);
            } else {
                plan.logger().info(prefix + text);
            }
        }
    }

    /** The client's credentials, to mask wherever a line repeats them (an error detail, an echoed header). */
    private static List<String> secrets(ClientRequest request) {
        List<String> secrets = new ArrayList<>(2);
        request.headers().forEach((name, value) -> {
            if (ExecutionLog.isSecret(name) && !value.isBlank()) {
                String whole = value.trim();
                secrets.add(whole);
                int space = whole.lastIndexOf(' '); // "Bearer <token>": the token alone too
                if (space > 0 && space < whole.length() - 1) {
                    secrets.add(whole.substring(space + 1));
                }
            }
        });
        return secrets;
    }

    /** The line without the timestamp the recording log puts first: the logging backend stamps its own. */
    private static String withoutTime(String line) {
        int separator = line.indexOf(" : ");
        return separator < 0 ? line : line.substring(separator + 3);
    }

    private static boolean isData(String text) {
        for (String data : DATA_LINES) {
            if (text.startsWith(data)) {
                return true;
            }
        }
        return false;
    }
}
