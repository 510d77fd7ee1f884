package dev.turnpike.management;

import dev.turnpike.runtime.admin.UsagePlanRegistry;
import java.io.UncheckedIOException;
import java.util.Map;

/** Adds configuration entries through the registry, its refusals as AWS's errors. */
final class Changes {

    private Changes() {
    }

    static void add(UsagePlanRegistry registry, Map<String, String> entries) {
        try {
            registry.add(entries);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ApiException(500, "InternalFailure", "The change could not be kept: " + e.getMessage());
        }
    }
}
