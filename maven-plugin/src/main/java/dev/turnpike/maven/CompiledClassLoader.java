package dev.turnpike.maven;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

/**
 * Defines classes compiled in memory, and finds everything else (resources such as
 * {@code META-INF/services/...}, extra jars and folders) at its URLs; asks its parent first, as usual.
 */
final class CompiledClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    CompiledClassLoader(Map<String, byte[]> classes, URL[] urls, ClassLoader parent) {
        super("turnpike-generated", urls, parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.findClass(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
