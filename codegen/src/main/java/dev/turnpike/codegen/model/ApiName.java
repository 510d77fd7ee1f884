package dev.turnpike.codegen.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The names an API gets from its definition's file name: {@code pet-store.v2.yaml} gives the package (and API
 * name) {@code pet_store_v2} and the class prefix {@code PetStoreV2}.
 *
 * @param identifier a valid lower-case Java identifier, used as the package segment and the API name
 * @param classPrefix the prefix of the generated class names
 */
public record ApiName(String identifier, String classPrefix) {

    public static ApiName of(Path definition) {
        String fileName = definition.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        List<String> words = words(dot > 0 ? fileName.substring(0, dot) : fileName);
        if (words.isEmpty()) {
            words = List.of("api");
        }
        String identifier = String.join("_", words);
        if (!Character.isJavaIdentifierStart(identifier.charAt(0))) {
            identifier = "_" + identifier;
        }
        if (SourceVersion.isKeyword(identifier)) {
            identifier = identifier + "_";
        }
        StringBuilder prefix = new StringBuilder();
        for (String word : words) {
            prefix.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (!Character.isJavaIdentifierStart(prefix.charAt(0))) {
            prefix.insert(0, "Api");
        }
        return new ApiName(identifier, prefix.toString());
    }

    /** Lower-case ASCII words: split at anything not a letter or digit, and at camel-case humps. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char previous = 0;
        for (char c : text.toCharArray()) {
            boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
            boolean hump = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
            if ((!letterOrDigit || hump) && word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (letterOrDigit) {
                word.append(c);
            }
            previous = c;
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
