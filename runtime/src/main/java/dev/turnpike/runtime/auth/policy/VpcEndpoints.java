package dev.turnpike.runtime.auth.policy;

import dev.turnpike.runtime.config.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The VPC endpoints a private API is reached through, from configuration:
 * <pre>
 * turnpike.vpcEndpoints.&lt;vpceId&gt;.sourceCidrs=10.0.1.0/24,10.0.2.0/24
 * turnpike.vpcEndpoints.&lt;vpceId&gt;.vpcId=vpc-0abc
 * </pre>
 * A request whose source address lies in an endpoint's blocks arrives through that endpoint, which gives
 * {@code aws:SourceVpce} and {@code aws:SourceVpc}; where blocks of two endpoints overlap, the narrower block wins.
 * A request from no configured block is public: both keys are absent.
 */
public final class VpcEndpoints {

    static final String PREFIX = "turnpike.vpcEndpoints.";
    static final String SOURCE_CIDRS = "sourceCidrs";
    static final String VPC_ID = "vpcId";

    /** One endpoint: its id, its VPC ({@code null} when not configured) and the source blocks it serves. */
    public record VpcEndpoint(String id, String vpcId, List<IpRange> sourceCidrs) {
        public VpcEndpoint {
            sourceCidrs = List.copyOf(sourceCidrs);
        }
    }

    private record Block(IpRange range, VpcEndpoint endpoint) {
    }

    private final List<Block> blocks;

    private VpcEndpoints(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** No endpoints: every request is public. */
    public static VpcEndpoints none() {
        return new VpcEndpoints(List.of());
    }

    /** Reads the {@code turnpike.vpcEndpoints.*} keys of {@code values}; a bad key fails with its name and why. */
    public static VpcEndpoints fromConfig(Map<String, String> values) {
        Map<String, String> cidrsById = new TreeMap<>();
        Map<String, String> vpcById = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String id = dot < 0 ? "" : rest.substring(0, dot);
            String setting = rest.substring(dot + 1);
            if (id.isEmpty() || !(setting.equals(SOURCE_CIDRS) || setting.equals(VPC_ID))) {
                problems.add(key + ": expected " + PREFIX + "<vpceId>." + SOURCE_CIDRS + " or " + PREFIX + "<vpceId>."
                        + VPC_ID);
            } else if (setting.equals(SOURCE_CIDRS)) {
                cidrsById.put(id, value);
            } else {
                vpcById.put(id, value.trim());
            }
        });
        vpcById.keySet().stream().filter(id -> !cidrsById.containsKey(id)).forEach(id -> problems.add(
                PREFIX + id + "." + VPC_ID + ": endpoint has no " + PREFIX + id + "." + SOURCE_CIDRS));
        List<Block> blocks = new ArrayList<>();
        cidrsById.forEach((id, cidrsText) -> {
            String key = PREFIX + id + "." + SOURCE_CIDRS;
            List<IpRange> ranges = new ArrayList<>();
            for (String cidr : cidrsText.split(",")) {
                if (cidr.isBlank()) {
                    continue;
                }
                try {
                    ranges.add(IpRange.parse(cidr));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
            if (ranges.isEmpty()) {
                problems.add(key + ": needs at least one CIDR block");
            }
            VpcEndpoint endpoint = new VpcEndpoint(id, vpcById.get(id), ranges);
            for (IpRange range : ranges) {
                for (Block other : blocks) {
                    if (other.range().equals(range)) {
                        problems.add(key + ": " + range + " is also a block of " + other.endpoint().id());
                    }
                }
                blocks.add(new Block(range, endpoint));
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        blocks.sort(Comparator.comparingInt((Block block) -> block.range().prefixLength()).reversed());
        return new VpcEndpoints(blocks);
    }

    /** The endpoint a request from {@code sourceIp} arrives through, or empty for a public request. */
    public Optional<VpcEndpoint> arrivingFrom(String sourceIp) {
        if (sourceIp == null || blocks.isEmpty()) {
            return Optional.empty(); // every request, when no endpoint is configured: no stream on the hot path
        }
        return blocks.stream().filter(block -> block.range().contains(sourceIp)).map(Block::endpoint).findFirst();
    }
}
