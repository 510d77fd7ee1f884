package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jersey-backend suite in the Tomcat 10.1 distribution. */
class Tomcat10JerseyBackendDistributionTest extends JerseyBackendContract {

    @RegisterExtension
    static final DistributionContainer TOMCAT = new TomcatDistribution("turnpike.it.tomcat10Home");

    Tomcat10JerseyBackendDistributionTest() {
        super(TOMCAT);
    }
}
