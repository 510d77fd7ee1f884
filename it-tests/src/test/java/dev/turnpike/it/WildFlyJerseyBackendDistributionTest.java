package dev.turnpike.it;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The jersey-backend suite in the WildFly 39 distribution: the WAR's {@code jboss-deployment-structure.xml} keeps
 * RESTEasy away from its Jersey resources.
 */
@EnabledIfSystemProperty(named = WildFlyDistribution.HOME_PROPERTY, matches = ".+",
        disabledReason = "WildFly is left out with -Dturnpike.it.skipWildfly (it-tests/pom.xml)")
class WildFlyJerseyBackendDistributionTest extends JerseyBackendContract {

    @RegisterExtension
    static final DistributionContainer WILDFLY = new WildFlyDistribution();

    WildFlyJerseyBackendDistributionTest() {
        super(WILDFLY);
    }
}
