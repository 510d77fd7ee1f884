package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS the gateway speaks to HTTPS backends: whom it trusts, and the client certificate it presents, so a
 * backend can verify that a request comes from the gateway (API Gateway's client certificate for HTTP and
 * HTTP_PROXY integrations). The certificate and its key come from a PKCS12 file named by
 * {@value #KEY_STORE}.
 */
final class BackendTls {

    static final String KEY_STORE = "turnpike.backend.keyStore";
    static final String KEY_STORE_PASSWORD = "turnpike.backend.keyStorePassword";

    private BackendTls() {
    }

    /**
     * The context for the backend client, or {@code null} for the JDK's default (nothing to trust beyond the JVM's
     * trust store, no certificate to present).
     *
     * @param trusted the certificates trusted instead of the JVM's trust store, or {@code null}
     * @throws ConfigException naming {@value #KEY_STORE} when the key store cannot be read
     */
    static SSLContext context(KeyStore trusted, Map<String, String> config) {
        String keyStore = config.get(KEY_STORE);
        if (trusted == null && keyStore == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted); // null: the JVM's trust store
            KeyManager[] certificate = keyStore == null ? null
                    : certificate(Path.of(keyStore), config.getOrDefault(KEY_STORE_PASSWORD, ""));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + e, e);
        }
    }

    /**
     * The context for integrations with {@code tlsConfig.insecureSkipVerification}: the same client certificate,
     * and {@link PresentedRootTrust} instead of the trust store.
     */
    static SSLContext skippingAuthorityCheck(Map<String, String> config) {
        String keyStore = config.get(KEY_STORE);
        try {
            KeyManager[] certificate = keyStore == null ? null
                    : certificate(Path.of(keyStore), config.getOrDefault(KEY_STORE_PASSWORD, ""));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(certificate, new TrustManager[] {new PresentedRootTrust()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + e, e);
        }
    }

    private static KeyManager[] certificate(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!hasKey(store)) {
                throw new ConfigException(List.of(KEY_STORE + "=" + file + ": holds no private key and certificate"));
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            return keys.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(List.of(KEY_STORE + "=" + file + ": not a readable PKCS12 key store (or "
                    + KEY_STORE_PASSWORD + " is wrong): " + e));
        }
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
