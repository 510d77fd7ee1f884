package dev.turnpike.runtime.throttle;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The usage plans ({@code turnpike.usagePlans.<plan>.*}) and the API keys they meter
 * ({@code turnpike.apiKeys.<name>.value|enabled}), read and checked once at start.
 */
public final class UsagePlans {

    private static final String PLANS = "turnpike.usagePlans.";
    private static final String KEYS = "turnpike.apiKeys.";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "ANY");

    private final Map<String, UsagePlan> plans;
    private final Map<String, Map<String, UsagePlan>> planByStageAndKey;
    private final Map<String, Boolean> keyEnabled;

    private UsagePlans(Map<String, UsagePlan> plans, Map<String, Map<String, UsagePlan>> planByStageAndKey,
            Map<String, Boolean> keyEnabled) {
        this.plans = plans;
        this.planByStageAndKey = planByStageAndKey;
        this.keyEnabled = keyEnabled;
    }

    /** The plans and keys of {@code config}; throws {@link ConfigException} naming every bad key. */
    public static UsagePlans from(TurnpikeConfig config) {
        List<String> problems = new ArrayList<>();
        UsagePlans plans = read(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return plans;
    }

    /** The plans and keys of {@code config}; adds to {@code problems} what is wrong, each naming its key. */
    static UsagePlans read(TurnpikeConfig config, List<String> problems) {
        Map<String, Map<String, String>> fieldsByPlan = new TreeMap<>();
        Map<String, Boolean> keyEnabled = new TreeMap<>();
        config.values().forEach((key, value) -> {
            if (key.startsWith(PLANS)) {
                String rest = key.substring(PLANS.length());
                int dot = rest.indexOf('.');
                fieldsByPlan.computeIfAbsent(rest.substring(0, dot), p -> new TreeMap<>())
                        .put(rest.substring(dot + 1), value.trim());
            } else if (key.startsWith(KEYS) && key.endsWith(".value")) {
                String name = key.substring(KEYS.length(), key.length() - ".value".length());
                keyEnabled.put(name, !"false".equals(config.values().get(KEYS + name + ".enabled")));
            }
        });

        Map<String, UsagePlan> plans = new LinkedHashMap<>();
        Map<String, Map<String, UsagePlan>> planByStageAndKey = new HashMap<>();
        fieldsByPlan.forEach((name, fields) -> {
            UsagePlan plan = plan(name, fields, config, keyEnabled, problems);
            if (plan == null) {
                return;
            }
            plans.put(name, plan);
            for (String stage : plan.apiStages()) {
                Map<String, UsagePlan> byKey = planByStageAndKey.computeIfAbsent(stage, s -> new HashMap<>());
                for (String key : plan.apiKeys()) {
                    UsagePlan other = byKey.putIfAbsent(key, plan);
                    if (other != null) {
                        problems.add(PLANS + name + ".apiKeys: API key '" + key + "' is already in usage plan '"
                                + other.name() + "' for stage '" + stage + "'; a key has one plan per stage");
                    }
                }
            }
        });
        planByStageAndKey.replaceAll((stage, byKey) -> Map.copyOf(byKey));
        return new UsagePlans(Map.copyOf(plans), Map.copyOf(planByStageAndKey), Map.copyOf(keyEnabled));
    }

    private static UsagePlan plan(String name, Map<String, String> fields, TurnpikeConfig config,
            Map<String, Boolean> keyEnabled, List<String> problems) {
        String prefix = PLANS + name + ".";
        int before = problems.size();
        ThrottleLimit throttle = throttle(prefix + "throttle.", fields.get("throttle.rateLimit"),
                fields.get("throttle.burstLimit"), problems);
        Map<String, ThrottleLimit> methodThrottles = methodThrottles(prefix, fields, problems);
        Quota quota = quota(prefix, fields, problems);

        List<String> stages = list(fields.get("apiStages"));
        if (stages.isEmpty()) {
            problems.add(prefix + "apiStages: a usage plan needs the stages it applies to");
        }
        for (String stage : stages) {
            if (!config.stages().containsKey(stage)) {
                problems.add(prefix + "apiStages: stage '" + stage + "' is not served ("
                        + String.join(",", new TreeMap<>(config.stages()).keySet()) + ")");
            }
        }
        List<String> keys = list(fields.get("apiKeys"));
        for (String key : keys) {
            if (!keyEnabled.containsKey(key)) {
                problems.add(prefix + "apiKeys: API key '" + key + "' has no " + KEYS + key + ".value");
            }
        }
        return problems.size() > before ? null : new UsagePlan(name, throttle, methodThrottles, quota, stages, keys);
    }

    /** A bucket from its two fields, both required when either is given; {@code null} when neither is. */
    private static ThrottleLimit throttle(String prefix, String rate, String burst, List<String> problems) {
        if (rate == null && burst == null) {
            return null;
        }
        if (rate == null || burst == null) {
            problems.add(prefix + (rate == null ? "rateLimit" : "burstLimit")
                    + ": a throttle needs both rateLimit and burstLimit");
            return null;
        }
        double rateLimit = Double.parseDouble(rate); // ConfigKeys checked the shapes
        long burstLimit = Long.parseLong(burst);
        boolean ok = true;
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            problems.add(prefix + "rateLimit: expected a number >= 0, got '" + rate + "'");
            ok = false;
        }
        if (burstLimit < 0) {
            problems.add(prefix + "burstLimit: expected a whole number >= 0, got '" + burst + "'");
            ok = false;
        }
        return ok ? new ThrottleLimit(rateLimit, burstLimit) : null;
    }

    /** {@code throttle.<resourcePath>/<METHOD>.rateLimit|burstLimit}, keyed {@code /resource/path/METHOD}. */
    private static Map<String, ThrottleLimit> methodThrottles(String prefix, Map<String, String> fields,
            List<String> problems) {
        Map<String, String[]> rateAndBurst = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (!field.startsWith("throttle.") || field.equals("throttle.rateLimit")
                    || field.equals("throttle.burstLimit")) {
                return;
            }
            String target = field.substring("throttle.".length(), field.lastIndexOf('.'));
            String[] pair = rateAndBurst.computeIfAbsent(target, t -> new String[2]);
            pair[field.endsWith(".rateLimit") ? 0 : 1] = value;
        });
        Map<String, ThrottleLimit> throttles = new LinkedHashMap<>();
        rateAndBurst.forEach((target, pair) -> {
            String method = target.substring(target.lastIndexOf('/') + 1);
            String path = target.substring(0, target.lastIndexOf('/')).replace("~1", "/");
            if (!METHODS.contains(method) || path.isEmpty()) {
                problems.add(prefix + "throttle." + target + ".*: expected <resourcePath>/<METHOD>, e.g. "
                        + "/pets/{petId}/GET, got '" + target + "'");
                return;
            }
            ThrottleLimit limit = throttle(prefix + "throttle." + target + ".", pair[0], pair[1], problems);
            if (limit != null) {
                throttles.put((path.startsWith("/") ? path : "/" + path) + "/" + method, limit);
            }
        });
        return throttles;
    }

    private static Quota quota(String prefix, Map<String, String> fields, List<String> problems) {
        String limit = fields.get("quota.limit");
        String period = fields.get("quota.period");
        String offset = fields.get("quota.offset");
        if (limit == null && period == null && offset == null) {
            return null;
        }
        if (limit == null) {
            problems.add(prefix + "quota.limit: a quota needs its limit (requests per period)");
            return null;
        }
        if (period == null) {
            problems.add(prefix + "quota.period: a quota needs its period: DAY, WEEK or MONTH");
            return null;
        }
        QuotaPeriod quotaPeriod;
        try {
            quotaPeriod = QuotaPeriod.valueOf(period);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + "quota.period: expected DAY, WEEK or MONTH, got '" + period + "'");
            return null;
        }
        long requests = Long.parseLong(limit);
        if (requests < 0) {
            problems.add(prefix + "quota.limit: expected a whole number >= 0, got '" + limit + "'");
            return null;
        }
        long days = offset == null ? 0 : Long.parseLong(offset);
        if (days < 0 || days > quotaPeriod.largestOffset()) {
            problems.add(prefix + "quota.offset: " + (quotaPeriod == QuotaPeriod.DAY
                    ? "a DAY quota starts at 00:00 UTC; its offset can only be 0"
                    : "the day a " + quotaPeriod + " starts, 0 to " + quotaPeriod.largestOffset())
                    + ", got '" + offset + "'");
            return null;
        }
        return new Quota(requests, quotaPeriod, (int) days);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /** Every plan by name. */
    public Map<String, UsagePlan> plans() {
        return plans;
    }

    /** The plan that meters {@code keyName} on {@code stage}, or {@code null} if none does. */
    public UsagePlan planFor(String stage, String keyName) {
        return planByStageAndKey.getOrDefault(stage, Map.of()).get(keyName);
    }

    /** Whether {@code keyName} has a value and is not disabled ({@code turnpike.apiKeys.<name>.enabled=false}). */
    public boolean isEnabled(String keyName) {
        return keyEnabled.getOrDefault(keyName, false);
    }
}
