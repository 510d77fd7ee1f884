package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jersey-backend suite in the Tomcat 11 distribution. */
class Tomcat11JerseyBackendDistributionTest extends JerseyBackendContract {

    @RegisterExtension
    static final DistributionContainer TOMCAT = new TomcatDistribution("turnpike.it.tomcat11Home");

    Tomcat11JerseyBackendDistributionTest() {
        super(TOMCAT);
    }
}
