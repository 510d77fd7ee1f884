package dev.turnpike.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * Header names and values reach the container clean, whatever a mapping, a template or a backend put in them: the
 * servlet API does not promise that a container refuses CR/LF in a header it is handed (Jetty 12 and Tomcat replace
 * them; another container may write them as they are, splitting the response).
 */
class ServletClientResponseTest {

    @Test
    void controlCharactersNeverReachTheContainer() {
        List<String> written = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") || method.getName().equals("setHeader")) {
                        written.add(args[0] + ": " + args[1]);
                    }
                    return null;
                });
        AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> null);
        Headers headers = new Headers();
        headers.add("X-Value", "a\r\nX-Injected: yes");
        headers.add("X-Lf", "a\nX-Injected: yes");
        headers.add("X-Nul", "a\0b");
        headers.add("X-Tab", "a\tb");
        headers.add("X-Injected: yes\r\nX-Name", "a");
        headers.add("X Space", "a");
        headers.add("", "a");
        headers.add("X-Plain", "ok");
        Flow.Publisher<List<java.nio.ByteBuffer>> noBody = subscriber -> { };
        new ServletClientResponse(response, new ServletResponseBody(null, async), null, 0, async)
                .send(200, headers, noBody);
        assertThat(written).containsExactly("X-Value: a  X-Injected: yes", "X-Lf: a X-Injected: yes", "X-Nul: a b",
                "X-Tab: a\tb", "X-Plain: ok");
    }
}
