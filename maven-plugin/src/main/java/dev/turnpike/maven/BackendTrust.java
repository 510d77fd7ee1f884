package dev.turnpike.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The certificates of {@code -Dturnpike.truststore}. {@code turnpike:run} trusts them for HTTPS backends, where
 * they replace the JDK's default trust store as {@code javax.net.ssl.trustStore} would, and for the certificates
 * clients present (mutual TLS, see {@link HttpsServer.ClientCertificates}).
 */
final class BackendTrust {

    private BackendTrust() {
    }

    /** The certificates of a PKCS12 file; {@code password} may be {@code null}. */
    static KeyStore fromPkcs12(Path file, String password) throws InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, password == null ? null : password.toCharArray());
            return trusted;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("Turnpike: -Dturnpike.truststore=" + file
                    + ": not a readable PKCS12 trust store (or -Dturnpike.truststorePassword is wrong): " + e, e);
        }
    }
}
