package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jersey-backend suite in the Jetty 12.1 distribution under ee10. */
class JettyEe10JerseyBackendDistributionTest extends JerseyBackendContract {

    @RegisterExtension
    static final DistributionContainer JETTY = new JettyDistribution("ee10");

    JettyEe10JerseyBackendDistributionTest() {
        super(JETTY);
    }
}
