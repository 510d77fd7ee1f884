package dev.turnpike.it;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The petstore suite in the WildFly 39 distribution ({@code standalone.xml}), started with {@code standalone.sh}.
 * The build unpacks the distribution unless {@code -Dturnpike.it.skipWildfly} is given.
 */
@EnabledIfSystemProperty(named = WildFlyDistribution.HOME_PROPERTY, matches = ".+",
        disabledReason = "WildFly is left out with -Dturnpike.it.skipWildfly (it-tests/pom.xml)")
class WildFlyDistributionTest extends PetstoreContract {

    @RegisterExtension
    static final DistributionContainer WILDFLY = new WildFlyDistribution();

    WildFlyDistributionTest() {
        super(WILDFLY);
    }

    @Test
    @Disabled("WildFly does not report the threads an application leaves running; the embedded suites check")
    @Override
    void undeployingLeavesNoApplicationThreadBehind() {
    }
}
