package dev.turnpike.management;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code x-amazon-apigateway-*} extensions a {@code GetExport} keeps, from its {@code extensions} parameter
 * (a comma-separated combination): {@code apigateway} keeps them all, {@code integrations} the integrations,
 * {@code authorizers} the authorizers and auth types; without the parameter none are kept. {@code postman} is
 * accepted and adds nothing (this gateway writes no Postman extensions).
 * {@code x-amazon-apigateway-any-method} is always kept: it is a method of the API, not a setting of one.
 */
final class ExportExtensions {

    static final String PREFIX = "x-amazon-apigateway-";
    private static final String ANY_METHOD = PREFIX + "any-method";
    private static final String SUPPORTED = "integrations, apigateway, authorizers, postman";

    private final boolean all;
    private final Set<String> kept;

    private ExportExtensions(boolean all, Set<String> kept) {
        this.all = all;
        this.kept = Set.copyOf(kept);
    }

    /**
     * @param parameter the {@code extensions} query parameter, {@code null} when absent
     * @throws ApiException {@code BadRequestException} naming a value that is none of the supported ones
     */
    static ExportExtensions of(String parameter) {
        boolean all = false;
        Set<String> kept = new LinkedHashSet<>();
        kept.add(ANY_METHOD);
        if (parameter == null) {
            return new ExportExtensions(false, kept);
        }
        for (String value : parameter.split(",")) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "apigateway" -> all = true;
                case "integrations" -> kept.add(PREFIX + "integration");
                case "authorizers" -> {
                    kept.add(PREFIX + "authorizer");
                    kept.add(PREFIX + "authtype");
                }
                case "postman", "" -> {
                    // Accepted as AWS accepts it; nothing of it is written.
                }
                default -> throw ApiException.badRequest("Invalid value for parameter extensions: '" + value.trim()
                        + "'. Supported: " + SUPPORTED);
            }
        }
        return new ExportExtensions(all, kept);
    }

    /** Whether the property {@code name} of some object of the document stays in the export. */
    boolean keeps(String name) {
        return all || !name.startsWith(PREFIX) || kept.contains(name);
    }
}
