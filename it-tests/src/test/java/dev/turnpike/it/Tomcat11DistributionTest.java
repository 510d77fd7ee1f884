package dev.turnpike.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The petstore suite in the Tomcat 11 distribution (Servlet 6.1), started with {@code catalina.sh run}. */
class Tomcat11DistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer TOMCAT = new TomcatDistribution("turnpike.it.tomcat11Home");

    Tomcat11DistributionTest() {
        super(TOMCAT);
    }
}
