package dev.turnpike.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources against the test classpath (which has the runtime) and loads them. */
final class TestCompiler {

    private TestCompiler() {
    }

    /**
     * Compiles every {@code .java} below the source roots into {@code classes}, with all lint warnings as errors so
     * generated code stays warning-free in users' builds.
     *
     * @return a loader for the classes and for {@code resourceRoots} (the service files)
     * @throws AssertionError with javac's messages when compilation fails
     */
    static URLClassLoader compile(List<Path> sourceRoots, List<Path> resourceRoots, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            sources.addAll(javaFiles(root));
        }
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Files.createDirectories(classes);
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                    "-Xlint:all", "-Werror", "-proc:none");
            boolean compiled = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!compiled) {
                throw new AssertionError("generated sources do not compile:\n" + messages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        resourceRoots.forEach(root -> urls.add(url(root)));
        return new URLClassLoader(urls.toArray(URL[]::new), TestCompiler.class.getClassLoader());
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
