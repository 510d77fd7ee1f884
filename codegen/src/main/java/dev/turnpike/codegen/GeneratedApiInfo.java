package dev.turnpike.codegen;

import java.nio.file.Path;

/**
 * One generated API.
 *
 * @param name the API name from the definition's file name, e.g. {@code petstore}
 * @param qualifiedClassName the {@code GeneratedApi} implementation, e.g.
 *     {@code turnpike.generated.petstore.PetstoreApi}
 * @param deploymentId ten lower-case letters and digits, a hash of the normalized definition
 * @param definition the definition file it came from
 * @param operations how many methods it has
 */
public record GeneratedApiInfo(String name, String qualifiedClassName, String deploymentId, Path definition,
        int operations) {
}
