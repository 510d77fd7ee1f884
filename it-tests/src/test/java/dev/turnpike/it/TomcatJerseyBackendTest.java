package dev.turnpike.it;

/** The jersey-backend suite in embedded Tomcat 10.1. */
class TomcatJerseyBackendTest extends JerseyBackendContract {
    TomcatJerseyBackendTest() {
        super(TomcatWar::start);
    }
}
