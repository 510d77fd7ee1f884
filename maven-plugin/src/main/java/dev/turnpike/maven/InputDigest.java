package dev.turnpike.maven;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * A SHA-256 of everything the generated files depend on: the generator, the parameters and every definition's
 * name and bytes. Equal digests mean the last successful run's outputs are still right.
 */
final class InputDigest {

    private final MessageDigest sha256;

    private InputDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String of(GenerateRequest request) throws IOException {
        InputDigest digest = new InputDigest();
        digest.field("generator", request.generatorIdentity());
        digest.field("basePackage", request.basePackage());
        digest.field("interpretedTemplates", String.join("\n", new TreeSet<>(request.interpretedTemplates())));
        digest.field("sourceOutput", request.sourceOutput().toAbsolutePath().toString());
        digest.field("resourceOutput", request.resourceOutput().toAbsolutePath().toString());
        for (Path definition : request.definitions()) {
            digest.field("definition", definition.toAbsolutePath().toString());
            digest.field("content", Files.readAllBytes(definition));
        }
        return HexFormat.of().formatHex(digest.sha256.digest());
    }

    private void field(String name, String value) {
        field(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Name and length go in before the value, so no two different inputs run together into the same bytes. */
    private void field(String name, byte[] value) {
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(value.length).array());
        sha256.update(value);
    }
}
