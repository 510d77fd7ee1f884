package dev.turnpike.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates {@code turnpike:run} trusts for HTTPS backends, from {@code -Dturnpike.truststore}: they
 * replace the JDK's default trust store, as {@code javax.net.ssl.trustStore} would.
 */
final class BackendTrust {

    private BackendTrust() {
    }

    /** An SSL context trusting the certificates of a PKCS12 file; {@code password} may be {@code null}. */
    static SSLContext fromPkcs12(Path file, String password) throws InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("Turnpike: -Dturnpike.truststore=" + file
                    + ": not a readable PKCS12 trust store (or -Dturnpike.truststorePassword is wrong): " + e, e);
        }
    }
}
