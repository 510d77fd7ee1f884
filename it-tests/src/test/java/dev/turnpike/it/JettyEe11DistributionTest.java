package dev.turnpike.it;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The petstore suite in the Jetty 12.1 distribution under ee11 (Servlet 6.1), started with {@code start.jar}. */
class JettyEe11DistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer JETTY = new JettyDistribution("ee11");

    JettyEe11DistributionTest() {
        super(JETTY);
    }

    @Test
    @Disabled("Jetty does not report the threads an application leaves running; the embedded JettyPetstoreTest checks")
    @Override
    void undeployingLeavesNoApplicationThreadBehind() {
    }
}
