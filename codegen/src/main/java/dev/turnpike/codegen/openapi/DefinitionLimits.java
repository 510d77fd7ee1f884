package dev.turnpike.codegen.openapi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses, before swagger-parser reads it, a definition that would make the build hang or run out of memory: YAML
 * aliases that expand to a huge document ("billion laughs"), nesting deeper than any real definition, a file over
 * the size API Gateway imports at all, bytes that are not UTF-8. The file is composed as a node graph, in which an
 * alias is a shared node, so measuring what it would expand to costs one visit per distinct node.
 */
final class DefinitionLimits {

    /** Far above any real definition; API Gateway itself refuses definitions over 6 MB. */
    static final int MAX_CHARACTERS = 16 * 1024 * 1024;
    static final int MAX_NESTING = 500;
    static final long MAX_EXPANDED_NODES = 5_000_000;

    private DefinitionLimits() {
    }

    /** Why the file cannot be read safely, or {@code null} when it can. */
    static String problem(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_CHARACTERS) {
                return "the file is " + bytes.length + " bytes; definitions are read up to " + MAX_CHARACTERS;
            }
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return "the file is not UTF-8 text (" + e.getMessage() + ")";
        } catch (IOException e) {
            return null; // reported by the parser with its own words
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // measured below, by what they expand to
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARACTERS);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (IOException e) {
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return message.contains("Nesting Depth") ? "nesting deeper than " + MAX_NESTING + " levels" : null;
        }
        long expanded = root == null ? 0 : expandedSize(root, new IdentityHashMap<>());
        return expanded > MAX_EXPANDED_NODES ? "its YAML aliases expand to more than " + MAX_EXPANDED_NODES
                + " values (an alias bomb?)" : null;
    }

    /** How many values the node stands for once every alias is expanded; saturates above the limit. */
    private static long expandedSize(Node node, Map<Node, Long> sizes) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, 1L); // a recursive alias counts once: the parser refuses those itself
        long size = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size += expandedSize(tuple.getKeyNode(), sizes) + expandedSize(tuple.getValueNode(), sizes);
                if (size > MAX_EXPANDED_NODES) {
                    break;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node child : sequence.getValue()) {
                size += expandedSize(child, sizes);
                if (size > MAX_EXPANDED_NODES) {
                    break;
                }
            }
        }
        size = Math.min(size, MAX_EXPANDED_NODES + 1);
        sizes.put(node, size);
        return size;
    }
}
