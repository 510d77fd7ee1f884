package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.model.Integration;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * The HTTP clients of one gateway's HTTP backends: the one that verifies certificates against the trust store, and,
 * only when some integration has {@code tlsConfig.insecureSkipVerification}, one that accepts a certificate from any
 * authority (dates and host name still checked).
 *
 * @param skippingAuthorityCheck {@code null} when no integration asks for it
 */
public record BackendClients(HttpClient verifying, HttpClient skippingAuthorityCheck) {

    public BackendClients {
        Objects.requireNonNull(verifying, "verifying");
    }

    /** The client for {@code integration}'s backend. */
    HttpClient of(Integration integration) {
        return integration.insecureSkipVerification() && skippingAuthorityCheck != null
                ? skippingAuthorityCheck : verifying;
    }
}
