package dev.turnpike.runtime.pipeline;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for an integration with {@code tlsConfig.insecureSkipVerification}: as on API Gateway, the backend's
 * certificate need not come from a known authority (self-signed, or a private CA), but the rest of the checks hold.
 * The root the backend presents is taken as the trust anchor for that one handshake, and the JDK's own PKIX
 * validation runs on the chain: validity dates, signatures along the chain, key usage, and the host name
 * (endpoint identification, which the JDK's HTTP client asks the trust manager to do). The root's own dates are
 * checked here, since PKIX never checks an anchor's.
 */
final class PresentedRootTrust extends X509ExtendedTrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        anchoredAtPresentedRoot(chain).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        anchoredAtPresentedRoot(chain).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchoredAtPresentedRoot(chain).checkServerTrusted(chain, authType);
    }

    /** The gateway is a client here: it is never asked to trust a client. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the backend client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the backend client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the backend client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static X509ExtendedTrustManager anchoredAtPresentedRoot(X509Certificate[] chain)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the backend presented no certificate");
        }
        // PKIX does not check a trust anchor's dates, and the presented root is made the anchor: check every one.
        for (X509Certificate certificate : chain) {
            certificate.checkValidity();
        }
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("presented-root", chain[chain.length - 1]);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new CertificateException("the JDK has no PKIX trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateException("cannot check the backend's certificate: " + e, e);
        }
    }
}
