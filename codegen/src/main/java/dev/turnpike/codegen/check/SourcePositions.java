package dev.turnpike.codegen.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a JSON pointer is in the definition as written: line and column, so a build error is a link an IDE or
 * terminal can follow. swagger-parser keeps no positions, so the file is read once more as a node tree (YAML is a
 * superset of JSON: one reader serves both), without constructing anything.
 */
final class SourcePositions {

    /** A 1-based line and column; {@link #UNKNOWN} when the file could not be read as YAML or JSON. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final Node root;

    private SourcePositions(Node root) {
        this.root = root;
    }

    static SourcePositions of(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(64 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new SourcePositions(new Yaml(options).compose(reader));
        } catch (IOException | RuntimeException e) {
            return new SourcePositions(null); // positions are a convenience: the message stands without them
        }
    }

    /**
     * The position of what {@code pointer} names: the key of a mapping entry, the element of a list; where the
     * pointer goes further than the file (a field that is missing), the deepest part that is there.
     */
    Position of(String pointer) {
        if (root == null) {
            return Position.UNKNOWN;
        }
        Mark mark = root.getStartMark();
        Node node = root;
        for (String segment : segments(pointer)) {
            if (node instanceof MappingNode mapping) {
                NodeTuple entry = entry(mapping, segment);
                if (entry == null) {
                    break;
                }
                mark = entry.getKeyNode().getStartMark();
                node = entry.getValueNode();
            } else if (node instanceof SequenceNode sequence && segment.matches("\\d{1,9}")
                    && Integer.parseInt(segment) < sequence.getValue().size()) {
                node = sequence.getValue().get(Integer.parseInt(segment));
                mark = node.getStartMark();
            } else {
                break;
            }
        }
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static NodeTuple entry(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }

    /** RFC 6901: {@code /a~1b/c~0d} is {@code a/b}, {@code c~d}. */
    private static String[] segments(String pointer) {
        if (pointer.isEmpty()) {
            return new String[0];
        }
        String[] segments = pointer.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = segments[i].replace("~1", "/").replace("~0", "~");
        }
        return segments;
    }
}
