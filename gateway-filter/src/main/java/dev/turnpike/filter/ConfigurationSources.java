package dev.turnpike.filter;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.ConfigSource;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a WAR's configuration comes from, lowest precedence first (docs/configuration.md):
 * <ol>
 *   <li>{@code turnpike.properties} at the classpath root;</li>
 *   <li>the properties file named by the system property {@code turnpike.config} or the environment variable
 *       {@code TURNPIKE_CONFIG};</li>
 *   <li>{@code web.xml} context parameters named {@code turnpike.*};</li>
 *   <li>the filter's {@code turnpike.*} init parameters;</li>
 *   <li>environment variables {@code TURNPIKE_*}: the key upper-cased, with {@code _} for every other character.</li>
 * </ol>
 */
final class ConfigurationSources {

    static final String CLASSPATH_FILE = "turnpike.properties";
    static final String FILE_PROPERTY = "turnpike.config";
    static final String FILE_VARIABLE = "TURNPIKE_CONFIG";

    private ConfigurationSources() {
    }

    static List<ConfigSource> read(ClassLoader loader, Map<String, String> contextParams,
            Map<String, String> initParams, Map<String, String> environment, Function<String, String> systemProperty) {
        List<ConfigSource> sources = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_FILE)) {
            if (in != null) {
                sources.add(new ConfigSource("classpath:" + CLASSPATH_FILE, load(in)));
            }
        } catch (IOException e) {
            throw new ConfigException(List.of("classpath:" + CLASSPATH_FILE + ": cannot read: " + e.getMessage()));
        }
        String file = systemProperty.apply(FILE_PROPERTY);
        String fileOrigin = "-D" + FILE_PROPERTY;
        if (file == null) {
            file = environment.get(FILE_VARIABLE);
            fileOrigin = FILE_VARIABLE;
        }
        if (file != null) {
            Path path = Path.of(file);
            try (InputStream in = Files.newInputStream(path)) {
                sources.add(new ConfigSource(path.toString(), load(in)));
            } catch (IOException e) {
                throw new ConfigException(List.of(fileOrigin + "=" + file + ": cannot read: " + e));
            }
        }
        sources.add(new ConfigSource("web.xml context-param", turnpikeKeys(contextParams)));
        sources.add(new ConfigSource("filter init-param", turnpikeKeys(initParams)));
        Map<String, String> known = new LinkedHashMap<>();
        sources.forEach(s -> known.putAll(s.values()));
        sources.add(new ConfigSource("environment", fromEnvironment(environment, known.keySet())));
        return sources;
    }

    /**
     * {@code TURNPIKE_*} variables as keys. A variable overrides the key from another source whose name it spells
     * in environment form; otherwise its name is read as the lower-case key (so {@code TURNPIKE_STAGE_PROD_VARIABLES_URL}
     * is {@code turnpike.stage.prod.variables.url}).
     */
    static Map<String, String> fromEnvironment(Map<String, String> environment, Iterable<String> knownKeys) {
        Map<String, String> byEnvName = new LinkedHashMap<>();
        for (String key : knownKeys) {
            byEnvName.put(environmentName(key), key);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("TURNPIKE_") || name.equals(FILE_VARIABLE)) {
                continue;
            }
            String key = byEnvName.get(name);
            if (key == null) {
                key = environmentKey(name);
            }
            keys.put(key, e.getValue());
        }
        return keys;
    }

    static String environmentName(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /**
     * The key a {@code TURNPIKE_*} variable names when no other source has it: lower case, each segment that is one
     * of the documented camel-case words ({@code accountId}, {@code failMode}, ...) restored whole.
     */
    private static String environmentKey(String name) {
        String[] segments = name.toLowerCase(Locale.ROOT).split("_", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = TurnpikeConfig.documentedWord(segments[i]);
        }
        return String.join(".", segments);
    }

    private static Map<String, String> turnpikeKeys(Map<String, String> params) {
        Map<String, String> keys = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("turnpike.")) {
                keys.put(k, v);
            }
        });
        return keys;
    }

    private static Map<String, String> load(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }

    static Map<String, String> toMap(Enumeration<String> names, Function<String, String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : Collections.list(names)) {
            map.put(name, values.apply(name));
        }
        return map;
    }
}
