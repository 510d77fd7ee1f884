package dev.turnpike.runtime.auth.cognito;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.turnpike.runtime.config.ConfigException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The signing keys of the user pools a gateway trusts, fetched from each pool's JWKS and kept. One instance serves
 * every Cognito authorizer of the gateway, so a pool's keys are fetched once however many authorizers name it.
 *
 * <p>A token naming a key the pool's set lacks (the pool rotated its keys) fetches the set again, but at most once
 * per {@link #MIN_REFETCH_INTERVAL} per pool, so a flood of made-up key ids cannot hammer the endpoint. Fetches run
 * on the HTTP client's threads and are bounded by {@link #FETCH_TIMEOUT}; the caller's thread never waits.
 *
 * <p>Configuration: {@code turnpike.cognito.<poolId>.jwksUrl} replaces a pool's default
 * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json}, for tests and offline use.
 */
public final class CognitoKeys {

    static final String PREFIX = "turnpike.cognito.";
    static final String JWKS_URL = ".jwksUrl";

    /** The least time between two fetches of one pool's keys. */
    public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** The longest a fetch may take, connection and body included. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, URI> jwksUrlOverrides;
    private final HttpClient client;
    private final Clock clock;
    private final Duration fetchTimeout;
    private final Map<String, PoolKeys> pools = new ConcurrentHashMap<>();

    CognitoKeys(Map<String, URI> jwksUrlOverrides, HttpClient client, Clock clock, Duration fetchTimeout) {
        this.jwksUrlOverrides = Map.copyOf(jwksUrlOverrides);
        this.client = client;
        this.clock = clock;
        this.fetchTimeout = fetchTimeout;
    }

    /** Reads the {@code turnpike.cognito.*} keys of {@code config}; a bad key fails with its name and why. */
    public static CognitoKeys fromConfig(Map<String, String> config, HttpClient client, Clock clock) {
        return new CognitoKeys(jwksUrlOverrides(config), client, clock, FETCH_TIMEOUT);
    }

    static Map<String, URI> jwksUrlOverrides(Map<String, String> config) {
        Map<String, URI> overrides = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        config.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String poolId = key.endsWith(JWKS_URL) ? key.substring(PREFIX.length(), key.length() - JWKS_URL.length())
                    : "";
            if (poolId.isEmpty()) {
                problems.add(key + ": expected " + PREFIX + "<poolId>" + JWKS_URL);
                return;
            }
            try {
                URI uri = URI.create(value.trim());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute http(s) URL");
                }
                overrides.put(poolId, uri);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": '" + value + "' is not an absolute http(s) URL");
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return overrides;
    }

    /** A client fit for fetching keys: its own connect timeout, redirects followed as Cognito's CDN may send them. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The key {@code keyId} of {@code pool}, or {@code null} when the pool has no such key; fails when the pool's
     * keys cannot be fetched.
     */
    CompletableFuture<JWK> key(UserPoolArn pool, String keyId) {
        return pools.computeIfAbsent(pool.poolId(),
                id -> new PoolKeys(jwksUrlOverrides.getOrDefault(id, pool.defaultJwksUri()))).key(keyId);
    }

    /** One pool's key set and the state of fetching it. */
    private final class PoolKeys {
        private final URI jwksUrl;
        private JWKSet keys;
        private Instant lastFetch;
        private Throwable lastFailure;
        private CompletableFuture<JWKSet> fetching;

        PoolKeys(URI jwksUrl) {
            this.jwksUrl = jwksUrl;
        }

        synchronized CompletableFuture<JWK> key(String keyId) {
            JWK known = keys == null ? null : keys.getKeyByKeyId(keyId);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            if (fetching == null) {
                Instant now = clock.instant();
                if (lastFetch != null && now.isBefore(lastFetch.plus(MIN_REFETCH_INTERVAL))) {
                    return lastFailure != null && keys == null ? CompletableFuture.failedFuture(lastFailure)
                            : CompletableFuture.completedFuture(null);
                }
                lastFetch = now;
                CompletableFuture<JWKSet> started = fetch();
                fetching = started;
                // Attached after the assignment: a fetch that has already ended clears it at once.
                started.whenComplete(this::fetched);
            }
            return fetching.thenApply(set -> set.getKeyByKeyId(keyId));
        }

        private synchronized void fetched(JWKSet set, Throwable failure) {
            fetching = null;
            if (set != null) {
                keys = set;
                lastFailure = null;
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                lastFailure = cause instanceof TimeoutException
                        ? new TimeoutException("JWKS " + jwksUrl + " did not answer within " + fetchTimeout) : cause;
            }
        }

        private CompletableFuture<JWKSet> fetch() {
            HttpRequest request = HttpRequest.newBuilder(jwksUrl).timeout(fetchTimeout).GET().build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .orTimeout(fetchTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(this::keySet);
        }

        private JWKSet keySet(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS " + jwksUrl + " answered " + response.statusCode());
            }
            try {
                return JWKSet.parse(response.body());
            } catch (ParseException e) {
                throw new IllegalStateException("JWKS " + jwksUrl + " is not a JSON Web Key Set: " + e.getMessage(), e);
            }
        }
    }
}
