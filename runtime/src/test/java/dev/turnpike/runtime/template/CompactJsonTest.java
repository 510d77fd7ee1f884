package dev.turnpike.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

/** {@link CompactJson} writes what json-smart writes, for every value a template can hand {@code $input.json}. */
class CompactJsonTest {

    /** Characters around every boundary json-smart's escaping draws, plus surrogates and plain text. */
    private static final char[] INTERESTING = {
        'a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u0001', '\u001F', '\u0020',
        '\u007E', '\u007F', '\u0080', '\u009F', '\u00A0', '\u00E9', '\u1FFF', '\u2000', '\u2028', '\u2029', '\u20AC',
        '\u20FF', '\u2100', '\uD83D', '\uDE00', '\uFFFF', '{', '}', '[', ']', ':', ',', '\''
    };

    @Test
    void writesWhatJsonSmartWritesForTenThousandSeededValues() {
        Random random = new Random(20261125L);
        for (int i = 0; i < 10_000; i++) {
            Object value = value(random, 0);
            assertThat(CompactJson.write(value)).as("value #%d", i).isEqualTo(JSONValue.toJSONString(value));
        }
    }

    @Test
    void writesWhatJsonSmartWritesForParsedPayloads() throws Exception {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            String text = JSONValue.toJSONString(value(random, 0));
            Object parsed = Payload.parseValue(text);
            assertThat(CompactJson.write(parsed)).as(text).isEqualTo(JSONValue.toJSONString(parsed));
        }
        Object numbers = Payload.parseValue("[1, -0, 2147483648, 1.5e300, 1E-7, 0.1, 12345678901234567890, 1e400, -0.0]");
        assertThat(CompactJson.write(numbers)).isEqualTo(JSONValue.toJSONString(numbers));
    }

    @Test
    void specialNumbersAndDelegatedTypesMatch() {
        List<Object> odd = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                -0.0d, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 1e7, Float.NaN, Float.POSITIVE_INFINITY, 1.5f,
                new BigDecimal("1.50"), new BigInteger("123456789012345678901234567890"), (short) 3, (byte) 4,
                Long.MIN_VALUE, Integer.MIN_VALUE));
        odd.add(new int[] {1, 2});
        odd.add(new String[] {"a/b", null});
        odd.add(List.of("immutable", 1));
        odd.add(Map.of("k", List.of()));
        assertThat(CompactJson.write(odd)).isEqualTo(JSONValue.toJSONString(odd));
    }

    @Test
    void aNullKeyFailsAsInJsonSmart() {
        Map<String, Object> map = new HashMap<>();
        map.put(null, 1);
        assertThatThrownBy(() -> JSONValue.toJSONString(map)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CompactJson.write(map)).isInstanceOf(NullPointerException.class);
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 12);
        switch (kind) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextInt();
            case 3: return random.nextLong();
            case 4: return doubleValue(random);
            case 5: case 6: return string(random);
            case 7: case 8: {
                Map<String, Object> map = switch (random.nextInt(3)) {
                    case 0 -> new LinkedHashMap<>();
                    case 1 -> new HashMap<>();
                    default -> new JSONObject();
                };
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    map.put(string(random), value(random, depth + 1));
                }
                return map;
            }
            default: {
                List<Object> list = random.nextBoolean() ? new ArrayList<>() : new JSONArray();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    list.add(value(random, depth + 1));
                }
                return list;
            }
        }
    }

    private static double doubleValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> Double.longBitsToDouble(random.nextLong());
            default -> random.nextInt(1000) / 10.0;
        };
    }

    private static String string(Random random) {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : INTERESTING[random.nextInt(INTERESTING.length)]);
        }
        return s.toString();
    }
}
