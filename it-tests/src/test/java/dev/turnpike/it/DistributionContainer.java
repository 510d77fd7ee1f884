package dev.turnpike.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A container distribution as users download it (the build unpacks it into {@code target/distributions}), started
 * as they start it: a base directory of its own per start (the unpacked home stays untouched), an HTTPS connector
 * with the {@link TestTls} key store and a plain one on free 127.0.0.1 ports, the WAR copied where the container
 * deploys from, then the distribution's own launcher in a separate process, with the test JVM's {@code java}.
 *
 * <p>A subclass says only what differs: how to write the base directory, the command, the log line that says
 * the container finished starting, and how it stops. Register the instance as an extension: when a test fails,
 * it prints the logs of the containers it started.
 */
abstract class DistributionContainer implements ServedWar.Container, TestWatcher, AfterAllCallback {

    static final Duration START_LIMIT = Duration.ofSeconds(120);
    static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final List<Started> started = new CopyOnWriteArrayList<>();

    /** The distribution and its version, e.g. {@code Tomcat 10.1.59}. */
    abstract String name();

    /**
     * Writes the base directory for one start and returns the command that starts the container in the
     * foreground. {@code jvmOptions} are system properties for the container's JVM ({@code -Dk=v}).
     */
    abstract Launch prepare(Path base, ServedWar.Deployment deployment, Ports ports, List<String> jvmOptions)
            throws Exception;

    /** Whether the console log says the container has started, its deployments done (or failed). */
    abstract boolean started(String log);

    /** Asks the container to stop as its users do; the caller waits, then kills what is left. */
    abstract void requestStop(Process process, Launch launch) throws Exception;

    /** What this container answers on the context path of an application that failed to start. */
    abstract int statusWhenUnavailable();

    /**
     * The files the container logs to in its base directory, besides its console (which the test keeps in
     * {@code console.log}): where it writes an application's failure in full.
     */
    List<Path> logFiles(Path base) throws IOException {
        return List.of();
    }

    /**
     * The threads of the application the container found still running when it stopped the application, from its
     * log; empty if the container does not look.
     */
    Optional<List<String>> threadsLeftRunning(String log) {
        return Optional.empty();
    }

    /** The command, its environment besides JAVA_HOME, and the base directory it runs in. */
    record Launch(List<String> command, Map<String, String> environment, Path base, Ports ports) {
    }

    /** The ports chosen for one start, all on 127.0.0.1. */
    record Ports(int https, int http, int control) {
        static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort());
        }
    }

    @Override
    public ServedWar start(ServedWar.Deployment deployment) throws Exception {
        Path base = Files.createDirectories(deployment.workDir().resolve("base"));
        List<String> jvmOptions = new ArrayList<>();
        // The suite sets turnpike.config in the test JVM while a container starts; a separate JVM needs it passed.
        String config = System.getProperty("turnpike.config");
        if (config != null) {
            jvmOptions.add("-Dturnpike.config=" + config);
        }
        Ports ports = Ports.free();
        if (deployment.httpsPort() != 0) {
            ports = new Ports(deployment.httpsPort(), ports.http(), ports.control());
        }
        Launch launch = prepare(base, deployment, ports, jvmOptions);
        Path log = base.resolve("console.log");
        Map<String, String> environment = new HashMap<>(launch.environment());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long begin = System.nanoTime();
        Process process = builder.start();
        Started instance = new Started(deployment, launch, process, log);
        started.add(instance);
        try {
            instance.awaitStarted();
        } catch (Exception | AssertionError e) {
            instance.close();
            throw e;
        }
        System.out.printf("%s started in %d ms (%s)%n", name(), (System.nanoTime() - begin) / 1_000_000, base);
        return instance;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printLogs("after the failure of " + context.getDisplayName());
    }

    /** Prints the logs if the class failed, and stops what a failed test left running. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            printLogs("after the failure of " + context.getDisplayName());
        }
        started.forEach(Started::close);
        started.clear();
    }

    private void printLogs(String when) {
        for (Started instance : started) {
            System.out.printf("---- %s log (%s), %s%n%s%n---- end of %s log%n", name(), instance.log, when,
                    instance.log(), name());
        }
    }

    // ---- helpers for subclasses

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The home a system property names (the build sets it to the unpacked distribution). */
    static Path home(String property) {
        String home = System.getProperty(property);
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException(property + "=" + home + ": not an unpacked distribution"
                    + " (run through Maven: it-tests/pom.xml unpacks them in generate-test-resources)");
        }
        return Path.of(home);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Replaces the one occurrence of {@code literal} in a configuration file; fails if the distribution changed. */
    static void replaceOnce(Path file, String literal, String replacement) throws IOException {
        replaceAll(file, literal, replacement, 1);
    }

    /** Replaces {@code literal}, which must occur exactly {@code count} times. */
    static void replaceAll(Path file, String literal, String replacement, int count) throws IOException {
        String text = Files.readString(file);
        int found = text.split(Pattern.quote(literal), -1).length - 1;
        if (found != count) {
            throw new IllegalStateException(file + ": expected " + count + " of " + literal + ", found " + found);
        }
        Files.writeString(file, text.replace(literal, replacement));
    }

    /** Runs a short command of the distribution (a stop script, a CLI) and returns its output. */
    static String run(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("distribution-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = builder.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(command + " did not finish within " + limit + ":\n" + Files.readString(output));
            }
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** One running container with the WAR deployed. */
    private final class Started implements ServedWar {
        private final ServedWar.Deployment deployment;
        private final Launch launch;
        private final Process process;
        private final Path log;
        private final URI https;
        private final URI http;
        private final HttpClient client;
        private volatile boolean closed;

        Started(ServedWar.Deployment deployment, Launch launch, Process process, Path log) throws Exception {
            this.deployment = deployment;
            this.launch = launch;
            this.process = process;
            this.log = log;
            this.https = URI.create("https://127.0.0.1:" + launch.ports().https() + deployment.contextPath());
            this.http = URI.create("http://127.0.0.1:" + launch.ports().http() + deployment.contextPath());
            this.client = HttpClient.newBuilder().sslContext(deployment.tls().clientContext())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Until the log says started and the HTTPS connector answers with the test's certificate. */
        void awaitStarted() throws Exception {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (!started(log())) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name() + " exited with " + process.exitValue()
                            + " while starting; its log:\n" + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name() + " did not start within " + START_LIMIT + "; its log:\n"
                            + log());
                }
                Thread.sleep(100);
            }
            while (probe().isEmpty()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(name() + " started but " + https + " does not answer; its log:\n"
                            + log());
                }
                Thread.sleep(100);
            }
        }

        /** The answer to {@code GET <context>/}, or empty if the connection or the TLS handshake failed. */
        private Optional<HttpResponse<String>> probe() throws InterruptedException {
            try {
                return Optional.of(client.send(HttpRequest.newBuilder(URI.create(https + deployment.gatewayPath()))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** The console, then the container's own log files. */
        String log() {
            try {
                StringBuilder text = new StringBuilder();
                List<Path> files = new ArrayList<>(List.of(log));
                files.addAll(logFiles(launch.base()));
                for (Path file : files) {
                    if (Files.exists(file)) {
                        text.append(files.size() > 1 ? "== " + file.getFileName() + "\n" : "")
                                .append(Files.readString(file, StandardCharsets.ISO_8859_1));
                    }
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public URI https() {
            return https;
        }

        @Override
        public URI http() {
            return http;
        }

        /** Served by the gateway: every answer of it, even a 403 for the context root, carries a request id. */
        @Override
        public boolean available() {
            try {
                return probe().flatMap(r -> r.headers().firstValue("x-amzn-RequestId")).isPresent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The container's log: what it reported when the application failed, with the causes. */
        @Override
        public String startupFailure() {
            return available() ? "" : log();
        }

        /** The application runs in another JVM: there is no class loader of it here. */
        @Override
        public ClassLoader applicationLoader() {
            return null;
        }

        /** What the container's own leak detection reported when it stopped the application. */
        @Override
        public List<String> threadsOfApplication() {
            return threadsLeftRunning(log()).orElseThrow(() -> new UnsupportedOperationException(
                    name() + " does not report the threads an application leaves running"));
        }

        @Override
        public int statusWhenUnavailable() {
            return DistributionContainer.this.statusWhenUnavailable();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (process.isAlive()) {
                    requestStop(process, launch);
                }
                if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.out.printf("%s did not stop within %s: killing it%n", name(), STOP_LIMIT);
                }
            } catch (Exception e) {
                System.out.printf("%s: stopping failed (%s): killing it%n", name(), e);
            } finally {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        @Override
        public String toString() {
            return name() + " (" + launch.base() + ")";
        }
    }
}
