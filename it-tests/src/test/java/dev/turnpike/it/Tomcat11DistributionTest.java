package dev.turnpike.it;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The petstore suite in the Tomcat 11 distribution (Servlet 6.1), started with {@code catalina.sh run}. */
class Tomcat11DistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer TOMCAT = new TomcatDistribution("turnpike.it.tomcat11Home");

    Tomcat11DistributionTest() {
        super(TOMCAT);
    }

    @Test
    @Disabled("Open (the hardening issue): Tomcat 11.0.24 sometimes closes the connection after a MOCK answered before"
            + " its request body arrived, while the filter drains the rest, without Connection: close (1 of 5 full"
            + " runs on 2026-11-25; Tomcat 10.1, embedded and distribution, and both Jettys never did)")
    @Override
    void anAnswerGivenBeforeTheBodyArrivesLeavesTheConnectionUsableOrClosesIt() {
    }
}
