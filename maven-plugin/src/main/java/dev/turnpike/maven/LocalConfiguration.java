package dev.turnpike.maven;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration {@code turnpike:run} serves with, from its properties, lowest precedence first: the keys of
 * {@code -Dturnpike.config} (the same a WAR reads), then the chosen {@code -Dturnpike.stage} added to
 * {@code turnpike.stages}, then {@code -Dturnpike.stageVariables} as that stage's variables.
 */
final class LocalConfiguration {

    private static final String STAGES = "turnpike.stages";
    private static final String STAGE_PREFIX = "turnpike.stage.";

    private LocalConfiguration() {
    }

    /**
     * @param configFile a properties file, or {@code null}
     * @param stageVariables {@code k1=v1,k2=v2}, or {@code null}
     */
    static TurnpikeConfig build(Path configFile, String stage, String stageVariables) throws InvalidInputException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (configFile != null) {
            keys.putAll(read(configFile));
        }
        keys.put(STAGES, String.join(",", servedStages(keys, stage)));
        keys.putAll(variables(stage, stageVariables));
        try {
            return TurnpikeConfig.from(keys);
        } catch (ConfigException e) {
            throw new InvalidInputException("Turnpike: " + e.getMessage()
                    + (configFile == null ? "" : "\n(from -Dturnpike.config=" + configFile
                            + ", -Dturnpike.stage and -Dturnpike.stageVariables)"), e);
        }
    }

    /**
     * The stages listed in the file, or if it lists none every stage its keys name (as a WAR would serve
     * them), and the chosen one.
     */
    private static Set<String> servedStages(Map<String, String> keys, String stage) {
        Set<String> stages = new LinkedHashSet<>();
        String listed = keys.get(STAGES);
        if (listed != null) {
            Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(stages::add);
        } else {
            for (String key : keys.keySet()) {
                if (key.startsWith(STAGE_PREFIX) && key.indexOf('.', STAGE_PREFIX.length()) > 0) {
                    stages.add(key.substring(STAGE_PREFIX.length(), key.indexOf('.', STAGE_PREFIX.length())));
                }
            }
        }
        stages.add(stage);
        return stages;
    }

    /** {@code k1=v1,k2=v2} as {@code turnpike.stage.<stage>.variables.k1=v1, ...}. */
    static Map<String, String> variables(String stage, String stageVariables) throws InvalidInputException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (stageVariables == null || stageVariables.isBlank()) {
            return keys;
        }
        for (String pair : stageVariables.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                throw new InvalidInputException("Turnpike: -Dturnpike.stageVariables: '" + pair
                        + "' is not name=value (expected k1=v1,k2=v2)");
            }
            keys.put(STAGE_PREFIX + stage + ".variables." + pair.substring(0, equals).trim(),
                    pair.substring(equals + 1).trim());
        }
        return keys;
    }

    private static Map<String, String> read(Path file) throws InvalidInputException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidInputException("Turnpike: -Dturnpike.config=" + file + ": cannot read: " + e, e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> keys.put(k, properties.getProperty(k)));
        return keys;
    }
}
