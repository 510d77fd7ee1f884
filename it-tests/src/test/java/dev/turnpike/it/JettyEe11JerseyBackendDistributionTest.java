package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jersey-backend suite in the Jetty 12.1 distribution under ee11. */
class JettyEe11JerseyBackendDistributionTest extends JerseyBackendContract {

    @RegisterExtension
    static final DistributionContainer JETTY = new JettyDistribution("ee11");

    JettyEe11JerseyBackendDistributionTest() {
        super(JETTY);
    }
}
