package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.pipeline.Exchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * VPC links: {@code turnpike.vpcLinks.<id>.targets=host:port,host:port}, the private targets behind a link, taken in
 * turn (round robin). An integration names its link by {@code connectionId}, literally or as
 * {@code ${stageVariables.x}}; the request then goes to a target while its uri's host stays in {@code Host}, as a
 * network load balancer in front of the targets would see it.
 */
final class VpcLinks {

    private static final String PREFIX = "turnpike.vpcLinks.";
    private static final String SUFFIX = ".targets";

    /** A link's targets and whose turn it is. */
    static final class Link {
        private final String id;
        private final List<String> targets;
        private final AtomicInteger next = new AtomicInteger();

        Link(String id, List<String> targets) {
            this.id = id;
            this.targets = List.copyOf(targets);
        }

        String id() {
            return id;
        }

        int size() {
            return targets.size();
        }

        /** The targets of one request, starting with the one whose turn it is; the rest are for failover. */
        List<String> turn() {
            int start = Math.floorMod(next.getAndIncrement(), targets.size());
            List<String> order = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                order.add(targets.get((start + i) % targets.size()));
            }
            return order;
        }
    }

    private final Map<String, Link> links = new HashMap<>();

    VpcLinks(TurnpikeConfig config) {
        config.values().forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.endsWith(SUFFIX) && key.length() > PREFIX.length() + SUFFIX.length()) {
                String id = key.substring(PREFIX.length(), key.length() - SUFFIX.length());
                List<String> targets = new ArrayList<>();
                for (String target : value.split(",")) {
                    if (!target.isBlank()) {
                        targets.add(target.trim());
                    }
                }
                if (!targets.isEmpty()) {
                    links.put(id, new Link(id, targets));
                }
            }
        });
    }

    /** The link an integration's {@code connectionId} names for this request, or {@code null}. */
    Link resolve(String connectionId, Exchange exchange) {
        if (connectionId == null) {
            return null;
        }
        String id = connectionId;
        if (id.startsWith("${stageVariables.") && id.endsWith("}")) {
            id = exchange.stage().variables().get(id.substring("${stageVariables.".length(), id.length() - 1));
        }
        return id == null ? null : links.get(id);
    }

    /** {@code uri} sent to {@code target} ({@code host:port}) instead of its own host, path and query kept. */
    static URI toTarget(URI uri, String target) {
        try {
            return new URI(uri.getScheme() + "://" + target + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("VPC link target '" + target + "': " + e.getMessage(), e);
        }
    }

    /** The {@code Host} header the uri names: its host, and its port when not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port < 0 || port == 80 && "http".equals(uri.getScheme())
                || port == 443 && "https".equals(uri.getScheme());
        return uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
