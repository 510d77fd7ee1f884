package dev.turnpike.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java source files with the JDK's own compiler ({@code javax.tools}) into class files kept in memory:
 * {@code turnpike:run} serves the same generated code a WAR would, without a build folder.
 */
final class InMemoryCompiler {

    /** No annotation processing: the classpath is the plugin's, and nothing generated needs a processor. */
    private static final List<String> OPTIONS = List.of("-proc:none", "-g", "-nowarn", "-encoding", "UTF-8",
            "--release", "17");

    private final List<Path> classpath;

    /** A compiler that resolves the sources' imports against {@code classpath} (jars and class folders). */
    InMemoryCompiler(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** Compilation errors, each as {@code File.java:line: message}. */
    static final class CompilationException extends Exception {
        private static final long serialVersionUID = 1L;

        CompilationException(String message) {
            super(message);
        }
    }

    /** The class files of {@code sources}, by binary class name ({@code a.b.Outer$Inner}). */
    Map<String, byte[]> compile(List<Path> sources) throws CompilationException, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run Maven with a JDK, not a JRE (java.home="
                    + System.getProperty("java.home") + ")");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            JavaFileManager inMemory = new ClassesInMemory(files, classes);
            boolean compiled = javac.getTask(null, inMemory, diagnostics, OPTIONS, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!compiled) {
                throw new CompilationException(describe(diagnostics.getDiagnostics()));
            }
        }
        return Map.copyOf(classes);
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                        + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** Sends every class file javac writes into {@code classes} instead of to disk. */
    private static final class ClassesInMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;

        ClassesInMemory(StandardJavaFileManager files, Map<String, byte[]> classes) {
            super(files);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            URI uri = URI.create("memory:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
