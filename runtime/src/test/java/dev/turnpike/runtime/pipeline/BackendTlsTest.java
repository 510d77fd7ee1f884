package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendTlsTest {

    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredTheJdkDefaultIsKept() {
        assertThat(BackendTls.context(null, Map.of())).isNull();
    }

    @Test
    void aMissingKeyStoreFailsStartNamingTheKey() {
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> BackendTls.context(null, Map.of("turnpike.backend.keyStore", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString()
                        .startsWith("turnpike.backend.keyStore=" + missing + ": not a readable PKCS12 key store (or"
                                + " turnpike.backend.keyStorePassword is wrong): java.nio.file.NoSuchFileException"));
    }

    @Test
    void aWrongPasswordFailsStartNamingBothKeys() throws Exception {
        Path store = emptyStore("right");

        assertThatThrownBy(() -> BackendTls.context(null, Map.of("turnpike.backend.keyStore", store.toString(),
                "turnpike.backend.keyStorePassword", "wrong")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.backend.keyStore=" + store + ": not a readable PKCS12 key store (or"
                        + " turnpike.backend.keyStorePassword is wrong)");
    }

    @Test
    void aKeyStoreWithoutAKeyHasNoCertificateToPresent() throws Exception {
        Path store = emptyStore("right");

        assertThatThrownBy(() -> BackendTls.context(null, Map.of("turnpike.backend.keyStore", store.toString(),
                "turnpike.backend.keyStorePassword", "right")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid Turnpike configuration:\n  turnpike.backend.keyStore=" + store
                        + ": holds no private key and certificate");
    }

    private Path emptyStore(String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("empty.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
