package dev.turnpike.it;

/** The jersey-backend suite in embedded Jetty 12 (ee10). */
class JettyJerseyBackendTest extends JerseyBackendContract {
    JettyJerseyBackendTest() {
        super(JettyWar::start);
    }
}
