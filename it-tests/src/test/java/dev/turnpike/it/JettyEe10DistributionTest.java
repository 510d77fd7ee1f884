package dev.turnpike.it;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The petstore suite in the Jetty 12.1 distribution under ee10 (Servlet 6.0), started with {@code start.jar}. */
class JettyEe10DistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer JETTY = new JettyDistribution("ee10");

    JettyEe10DistributionTest() {
        super(JETTY);
    }

    @Test
    @Disabled("Jetty does not report the threads an application leaves running; the embedded JettyPetstoreTest checks")
    @Override
    void undeployingLeavesNoApplicationThreadBehind() {
    }
}
