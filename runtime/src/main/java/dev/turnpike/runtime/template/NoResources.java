package dev.turnpike.runtime.template;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/** The template engine's only resource loader: it loads nothing, so no template reads a file or a class path. */
public final class NoResources extends ResourceLoader {

    @Override
    public void init(ExtProperties configuration) {
    }

    @Override
    public Reader getResourceReader(String source, String encoding) {
        throw new ResourceNotFoundException("mapping templates cannot load resources: " + source);
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
