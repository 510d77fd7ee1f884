package dev.turnpike.it;

/** The petstore suite in embedded Tomcat 10.1. */
class TomcatPetstoreTest extends PetstoreContract {
    TomcatPetstoreTest() {
        super(TomcatWar::start);
    }
}
