package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The petstore suite in the Tomcat 10.1 distribution (Servlet 6.0), started with {@code catalina.sh run}. */
class Tomcat10DistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer TOMCAT = new TomcatDistribution("turnpike.it.tomcat10Home");

    Tomcat10DistributionTest() {
        super(TOMCAT);
    }
}
