package dev.turnpike.it;

/** The petstore suite in embedded Jetty 12 (ee10). */
class JettyPetstoreTest extends PetstoreContract {
    JettyPetstoreTest() {
        super(JettyWar::start);
    }
}
