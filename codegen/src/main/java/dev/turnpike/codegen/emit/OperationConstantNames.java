package dev.turnpike.codegen.emit;

import com.palantir.javapoet.NameAllocator;
import dev.turnpike.codegen.model.OperationModel;
import dev.turnpike.codegen.model.PathTemplate.Segment;
import dev.turnpike.codegen.model.PathTemplate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The constant each operation gets: its operationId in upper snake case ({@code listPets} gives
 * {@code LIST_PETS}), or the method and path ({@code GET_PETS_PETID}); NameAllocator makes them valid and unique.
 */
final class OperationConstantNames {

    private final Map<OperationModel, String> names = new IdentityHashMap<>();

    OperationConstantNames(List<OperationModel> operations) {
        NameAllocator allocator = new NameAllocator();
        for (OperationModel operation : operations) {
            names.put(operation, allocator.newName(suggestion(operation)));
        }
    }

    String of(OperationModel operation) {
        return names.get(operation);
    }

    private static String suggestion(OperationModel operation) {
        String fromId = operation.operationId() == null ? "" : upperSnake(operation.operationId());
        if (!fromId.isEmpty()) {
            return fromId;
        }
        StringBuilder name = new StringBuilder(operation.httpMethod());
        List<Segment> segments = PathTemplate.segments(operation.resourcePath());
        if (segments.isEmpty()) {
            name.append("_ROOT");
        }
        for (Segment segment : segments) {
            name.append('_').append(segment.name() != null ? segment.name() : segment.text());
        }
        return upperSnake(name.toString());
    }

    /** {@code getPetByID} and {@code get-pet.by id} both give {@code GET_PET_BY_ID}. */
    static String upperSnake(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !Character.isLetterOrDigit(c)) {
                out.append('_');
                continue;
            }
            char previous = i > 0 ? text.charAt(i - 1) : '_';
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '_';
            boolean wordStart = Character.isUpperCase(c) && (Character.isLowerCase(previous)
                    || Character.isDigit(previous) || Character.isUpperCase(previous) && Character.isLowerCase(next));
            if (wordStart) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString().replaceAll("_+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
    }
}
