package dev.turnpike.maven;

import java.math.BigInteger;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A TLS server certificate for {@code turnpike:run}, made at start and kept in memory only: CN=localhost, valid
 * for {@code localhost}, {@code 127.0.0.1} and the address served. An EC P-256 key, because it is made in
 * milliseconds where RSA takes a noticeable part of a second. The JDK has no public API to sign a certificate,
 * hence BouncyCastle; its provider is not registered, the JDK's own do the cryptography.
 */
final class SelfSignedCertificate {

    static final String ALIAS = "turnpike";
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final X509Certificate certificate;
    private final KeyStore keyStore;
    private final char[] password;

    private SelfSignedCertificate(X509Certificate certificate, KeyStore keyStore, char[] password) {
        this.certificate = certificate;
        this.keyStore = keyStore;
        this.password = password;
    }

    /** A certificate for localhost and 127.0.0.1, and also for {@code host} when that is another name or address. */
    static SelfSignedCertificate forHost(String host) throws GeneralSecurityException {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        if (!host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::")) {
            names.add(host);
        }
        SecureRandom random = new SecureRandom();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keyPair = generator.generateKeyPair();

        X500Name subject = new X500Name("CN=localhost, O=Turnpike local server");
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    subject, keyPair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));

            char[] password = Long.toHexString(random.nextLong()).toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), password, new X509Certificate[] {certificate});
            return new SelfSignedCertificate(certificate, keyStore, password);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make the local server's certificate: " + e, e);
        }
    }

    private static GeneralNames alternativeNames(Set<String> names) {
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            general.add(new GeneralName(isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    /** An IPv4 or IPv6 literal, which goes in the certificate as an address; anything else is a DNS name. */
    private static boolean isAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A PKCS12 store holding the private key and certificate under {@link #ALIAS}. */
    KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and of its key entry; random, for this run only. */
    char[] password() {
        return password.clone();
    }
}
