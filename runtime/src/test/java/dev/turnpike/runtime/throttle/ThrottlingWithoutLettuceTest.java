package dev.turnpike.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Lettuce and Bucket4j's Lettuce module are optional dependencies of the runtime: a WAR without them must throttle
 * in memory, and one that sets {@code turnpike.redis.uri} without them must fail start with a message that says
 * what to add. Simulated by loading the runtime in a class loader over this test's class path minus those jars.
 */
class ThrottlingWithoutLettuceTest {

    @Test
    void inMemoryThrottlingNeedsNoRedisClasses() throws Exception {
        assertThat(startWithout("lettuce", Map.of("turnpike.stage.dev.methodSettings.*/*.throttlingRateLimit", "0")))
                .isEqualTo("started; first request: THROTTLED");
    }

    @Test
    void aRedisUriWithoutLettuceFailsStartNamingTheKeyAndBothArtifacts() throws Exception {
        assertThat(startWithout("lettuce", Map.of("turnpike.redis.uri", "redis://127.0.0.1:6379"))).isEqualTo("""
                ConfigException: invalid Turnpike configuration:
                  turnpike.redis.uri: keeping buckets on Redis needs io.lettuce:lettuce-core and \
                com.bucket4j:bucket4j_jdk17-lettuce on the class path (optional dependencies of turnpike-runtime); \
                io.lettuce:lettuce-core is missing""");
    }

    @Test
    void aRedisUriWithLettuceButWithoutBucket4jsModuleNamesThatModule() throws Exception {
        assertThat(startWithout("bucket4j_jdk17-lettuce", Map.of("turnpike.redis.uri", "redis://127.0.0.1:6379")))
                .endsWith("; com.bucket4j:bucket4j_jdk17-lettuce is missing");
    }

    /** What {@link Start} answers for {@code keys} in a runtime blind to jars whose names hold {@code hidden}. */
    @SuppressWarnings("unchecked")
    private static String startWithout(String hidden, Map<String, String> keys) throws Exception {
        URL[] classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().contains(hidden))
                .map(ThrottlingWithoutLettuceTest::url)
                .toArray(URL[]::new);
        assertThat(classPath.length).as("class path entries").isGreaterThan(2);
        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThat(loader.getResource("io/github/bucket4j/redis/lettuce/Bucket4jLettuce.class"))
                    .as("Bucket4j's Lettuce module is hidden").isNull();
            return ((Function<Map<String, String>, String>) loader.loadClass(Start.class.getName())
                    .getDeclaredConstructor().newInstance()).apply(keys);
        }
    }

    /** Surefire's own class path when forked with a manifest-only jar, else the JVM's. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    /** Starts throttling for the given keys and asks about one request; runs inside the isolated loader. */
    public static final class Start implements Function<Map<String, String>, String> {
        @Override
        public String apply(Map<String, String> keys) {
            try (Throttling throttling = Throttling.create(TurnpikeConfig.from(keys), "nolettuce")) {
                var decision = throttling.admit(new ThrottleRequest("dev", "/pets", "GET", null)).join();
                return "started; first request: " + (decision == null ? "admitted" : decision.type());
            } catch (ConfigException e) {
                return "ConfigException: " + e.getMessage();
            }
        }
    }
}
