package dev.turnpike.runtime.response;

/**
 * A failure as a value: which gateway response to send and, where AWS words it per case, the message. Steps
 * return these instead of throwing; {@link GatewayResponses} is the one place they become responses.
 *
 * @param message the client-facing message; {@code null} for the type's default
 * @param detail what went wrong, for the gateway's log only; never sent to the client
 */
public record GatewayError(GatewayResponseType type, String message, String detail) {

    public static GatewayError of(GatewayResponseType type) {
        return new GatewayError(type, null, null);
    }

    public static GatewayError of(GatewayResponseType type, String detail) {
        return new GatewayError(type, null, detail);
    }

    public String messageOrDefault() {
        return message != null ? message : type.defaultMessage();
    }
}
