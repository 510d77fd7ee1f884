package dev.turnpike.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turnpike's configuration, read and checked once at start. Every key is one of the documented
 * {@code turnpike.*} keys (docs/configuration.md); an unknown key or a bad value fails start with the key named.
 *
 * <p>Sources are merged lowest precedence first: a later source's value for a key replaces an earlier one's.
 */
public final class TurnpikeConfig {

    public static final String DEFAULT_STAGE = "dev";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern API_ID = Pattern.compile("[a-z0-9]{1,32}");

    private final Map<String, StageSettings> stages;
    private final String region;
    private final String accountId;
    private final String apiId;
    private final String api;
    private final boolean trustForwardedProto;
    private final Map<String, String> values;

    private TurnpikeConfig(Map<String, StageSettings> stages, String region, String accountId, String apiId,
            String api, boolean trustForwardedProto, Map<String, String> values) {
        this.stages = stages;
        this.region = region;
        this.accountId = accountId;
        this.apiId = apiId;
        this.api = api;
        this.trustForwardedProto = trustForwardedProto;
        this.values = values;
    }

    /** Merges {@code sources} (lowest precedence first) and checks every key; throws with all problems found. */
    public static TurnpikeConfig load(List<ConfigSource> sources) {
        Map<String, String> merged = new TreeMap<>();
        for (ConfigSource source : sources) {
            merged.putAll(source.values());
        }
        return from(merged);
    }

    /** The configuration of these keys and values; throws {@link ConfigException} naming every bad key. */
    public static TurnpikeConfig from(Map<String, String> keys) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>(keys);
        Map<String, Map<String, String>> variables = new LinkedHashMap<>();
        Map<String, Map<String, MethodSettings>> methodSettings = new LinkedHashMap<>();
        Map<String, Map<String, String>> canaries = new LinkedHashMap<>();
        Set<String> stagesNamedInKeys = new LinkedHashSet<>();

        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            String problem = ConfigKeys.check(key, value);
            if (problem != null) {
                problems.add(key + ": " + problem);
                continue;
            }
            if (!key.startsWith("turnpike.stage.")) {
                continue;
            }
            String rest = key.substring("turnpike.stage.".length());
            int dot = rest.indexOf('.');
            String stage = rest.substring(0, dot);
            if (!STAGE_NAME.matcher(stage).matches()) {
                problems.add(key + ": stage name '" + stage + "' may only contain A-Z, a-z, 0-9 and _");
                continue;
            }
            stagesNamedInKeys.add(stage);
            String kind = rest.substring(dot + 1);
            if (kind.startsWith("variables.")) {
                String name = kind.substring("variables.".length());
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    problems.add(key + ": stage variable name '" + name
                            + "' may only contain A-Z, a-z, 0-9 and _");
                } else if (value.length() > 512) {
                    problems.add(key + ": a stage variable value is at most 512 characters");
                } else {
                    variables.computeIfAbsent(stage, s -> new LinkedHashMap<>()).put(name, value);
                }
            } else if (kind.equals("cacheClusterEnabled") || kind.equals("cacheClusterSize")) {
                continue; // read by the stage cache (dev.turnpike.runtime.cache.StageCaches)
            } else if (kind.equals("deploymentId")) {
                continue; // read with the live stages (dev.turnpike.runtime.admin.StageRegistry)
            } else if (kind.startsWith("accessLogSettings.")) {
                continue; // read with the metrics keys (dev.turnpike.runtime.observability)
            } else if (kind.startsWith("routeSettings.") || kind.startsWith("defaultRouteSettings.")) {
                continue; // WebSocket routes' settings (dev.turnpike.runtime.websocket.WebSocketSettings)
            } else if (kind.startsWith("canarySettings.")) {
                Map<String, String> canary = canaries.computeIfAbsent(stage, s -> new LinkedHashMap<>());
                canary.put(kind.substring("canarySettings.".length()), value);
            } else {
                String target = kind.substring("methodSettings.".length());
                String error = MethodSettingsParser.add(
                        methodSettings.computeIfAbsent(stage, s -> new LinkedHashMap<>()), target, value);
                if (error != null) {
                    problems.add(key + ": " + error);
                }
            }
        }

        Set<String> stageNames = new LinkedHashSet<>();
        String listed = values.get("turnpike.stages");
        if (listed != null) {
            for (String s : listed.split(",")) {
                String name = s.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!STAGE_NAME.matcher(name).matches()) {
                    problems.add("turnpike.stages: stage name '" + name + "' may only contain A-Z, a-z, 0-9 and _");
                }
                stageNames.add(name);
            }
            if (stageNames.isEmpty()) {
                problems.add("turnpike.stages: names no stage");
            }
            for (String s : stagesNamedInKeys) {
                if (!stageNames.contains(s)) {
                    problems.add("turnpike.stage." + s + ".*: stage '" + s + "' is not listed in turnpike.stages ("
                            + String.join(",", stageNames) + ")");
                }
            }
        } else {
            stageNames.addAll(stagesNamedInKeys);
            if (stageNames.isEmpty()) {
                stageNames.add(DEFAULT_STAGE);
            }
        }

        String region = values.getOrDefault("turnpike.region", DEFAULT_REGION);
        if (!REGION.matcher(region).matches()) {
            problems.add("turnpike.region: not an AWS region name: '" + region + "'");
        }
        String accountId = values.getOrDefault("turnpike.accountId", DEFAULT_ACCOUNT_ID);
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            problems.add("turnpike.accountId: an AWS account id is 12 digits: '" + accountId + "'");
        }
        String apiId = values.get("turnpike.apiId");
        if (apiId != null && !API_ID.matcher(apiId).matches()) {
            problems.add("turnpike.apiId: lower-case letters and digits only: '" + apiId + "'");
        }
        Map<String, CanarySettings> canarySettings = new LinkedHashMap<>();
        canaries.forEach((stage, fields) -> {
            CanarySettings canary = canary(stage, fields, problems);
            if (canary != null) {
                canarySettings.put(stage, canary);
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        Map<String, StageSettings> stages = new LinkedHashMap<>();
        for (String name : stageNames) {
            stages.put(name, new StageSettings(name, variables.getOrDefault(name, Map.of()),
                    methodSettings.getOrDefault(name, Map.of()), canarySettings.get(name)));
        }
        return new TurnpikeConfig(Map.copyOf(stages), region, accountId, apiId, values.get("turnpike.api"),
                Boolean.parseBoolean(values.getOrDefault("turnpike.trustForwardedProto", "false")),
                Map.copyOf(values));
    }

    /** One stage's {@code canarySettings.*} fields as settings; adds to {@code problems} what is wrong. */
    private static CanarySettings canary(String stage, Map<String, String> fields, List<String> problems) {
        String prefix = "turnpike.stage." + stage + ".canarySettings.";
        String percent = fields.get("percentTraffic");
        if (percent == null) {
            problems.add(prefix + "percentTraffic: a stage with canary settings needs its share of traffic (0 to 100)");
            return null;
        }
        double share = Double.parseDouble(percent); // the key's shape was checked
        if (share < 0 || share > 100) {
            problems.add(prefix + "percentTraffic: between 0 and 100, got " + percent);
            return null;
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("stageVariableOverrides.")) {
                overrides.put(field.substring("stageVariableOverrides.".length()), value);
            }
        });
        return new CanarySettings(share, overrides, fields.get("deploymentId"),
                Boolean.parseBoolean(fields.getOrDefault("useStageCache", "false")));
    }

    /**
     * {@code word} as the documented keys spell it when it is one of their camel-case words ({@code failmode} is
     * {@code failMode}), else unchanged: for keys read from environment variable names, which have no case.
     */
    public static String documentedWord(String word) {
        return ConfigKeys.CAMEL_CASE_WORDS.getOrDefault(word, word);
    }

    /** The served stages by name. */
    public Map<String, StageSettings> stages() {
        return stages;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** The configured API id, or {@code null} to derive one from the API's name. */
    public String apiId() {
        return apiId;
    }

    /** Which generated API to serve when the classpath holds several; {@code null} if not set. */
    public String api() {
        return api;
    }

    /** Whether {@code X-Forwarded-Proto: https} from a TLS-terminating proxy counts as HTTPS. */
    public boolean trustForwardedProto() {
        return trustForwardedProto;
    }

    /** Every key as given, checked, for features that read their own keys (Lambda, IAM, usage plans, ...). */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        return "TurnpikeConfig" + stages.keySet() + " region=" + region + " accountId=" + accountId;
    }
}
