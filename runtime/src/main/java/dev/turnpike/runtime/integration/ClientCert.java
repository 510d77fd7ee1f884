package dev.turnpike.runtime.integration;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * {@code $context.identity.clientCert}: the client's TLS certificate in the words of API Gateway's mutual TLS, as in
 * the recorded authorizer event shared/conformance/lambda-events/aws-lambda-go.apigw-custom-auth-request-type-request.json.
 * API Gateway writes the fields the way OpenSSL prints a certificate: names in the certificate's own order
 * ({@code C=US,ST=Washington,...,CN=My Client}), times as {@code Aug  5 00:28:21 2120 GMT}, a serial number that
 * fits a signed 64-bit integer in decimal ({@code 1}) and a longer one as colon-separated hex bytes
 * ({@code a1:a1:...}, recorded in aws-lambda-go.apigw-request.json).
 */
final class ClientCert {

    private static final DateTimeFormatter VALIDITY_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Attribute types Java's RFC 2253 names spell as an OID, by the names OpenSSL gives them. */
    private static final Map<String, String> ATTRIBUTE_NAMES = Map.of(
            "1.2.840.113549.1.9.1", "emailAddress",
            "2.5.4.5", "serialNumber",
            "2.5.4.4", "SN",
            "2.5.4.42", "GN",
            "2.5.4.12", "title");

    private ClientCert() {
    }

    /** The {@code clientCert} map of {@code certificate}. */
    static Map<String, Object> of(X509Certificate certificate) {
        Map<String, Object> validity = new HashMap<>();
        validity.put("notBefore", time(certificate.getNotBefore()));
        validity.put("notAfter", time(certificate.getNotAfter()));
        Map<String, Object> clientCert = new HashMap<>();
        clientCert.put("clientCertPem", pem(certificate));
        clientCert.put("subjectDN", distinguishedName(certificate.getSubjectX500Principal()));
        clientCert.put("issuerDN", distinguishedName(certificate.getIssuerX500Principal()));
        clientCert.put("serialNumber", serialNumber(certificate.getSerialNumber()));
        clientCert.put("validity", validity);
        return clientCert;
    }

    static String pem(X509Certificate certificate) {
        try {
            Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            return "-----BEGIN CERTIFICATE-----\n" + lines.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            // The container decoded the certificate from these very bytes.
            throw new IllegalStateException("cannot encode the client certificate", e);
        }
    }

    /**
     * The name in the certificate's order, relative names joined by {@code ,} without spaces. Java's RFC 2253 form
     * lists them the other way round, so its parts are reversed, keeping each part's escapes.
     */
    static String distinguishedName(X500Principal name) {
        String rfc2253 = name.getName(X500Principal.RFC2253, ATTRIBUTE_NAMES);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < rfc2253.length(); i++) {
            char c = rfc2253.charAt(i);
            if (c == '\\') {
                i++; // the escaped character, a comma perhaps, belongs to the value
            } else if (c == ',') {
                parts.add(rfc2253.substring(start, i));
                start = i + 1;
            }
        }
        if (start < rfc2253.length()) {
            parts.add(rfc2253.substring(start));
        }
        Collections.reverse(parts);
        return String.join(",", parts);
    }

    /** Decimal when it fits a signed 64-bit integer, else the bytes in lower-case hex separated by colons. */
    static String serialNumber(BigInteger serial) {
        if (serial.signum() >= 0 && serial.bitLength() < Long.SIZE) {
            return serial.toString();
        }
        byte[] bytes = serial.abs().toByteArray();
        int first = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        HexFormat hex = HexFormat.ofDelimiter(":");
        return (serial.signum() < 0 ? "-" : "") + hex.formatHex(bytes, first, bytes.length);
    }

    static String time(Date date) {
        return VALIDITY_TIME.format(date.toInstant());
    }
}
