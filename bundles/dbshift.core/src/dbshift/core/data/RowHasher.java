package dbshift.core.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Order-independent fingerprint of a set of rows: a count plus two 64-bit accumulators of per-row hashes. Values
 * are compared by meaning where servers print them differently: JSON as a document, floating point as the number,
 * fractional seconds without trailing zeros, BIT without leading zero bytes.
 */
public final class RowHasher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ValueKind> kinds;
    private long count;
    private long sum;
    private long xor;

    public RowHasher(List<ValueKind> kinds) {
        this.kinds = kinds;
    }

    /** Adds every row of the stream. */
    public RowHasher addAll(RowStream rows) throws SQLException {
        while (rows.next()) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < kinds.size(); i++) {
                h = mix(h, canonical(kinds.get(i), rows.get(i)));
            }
            addHash(h);
        }
        return this;
    }

    /** Adds one row, its values in column order (as {@link RowStream#get} gives them); the same as {@link #addAll} would. */
    public void add(byte[][] values) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < kinds.size(); i++) {
            h = mix(h, canonical(kinds.get(i), values[i]));
        }
        addHash(h);
    }

    private void addHash(long h) {
        long a = splitmix(h);
        count++;
        sum += a;
        xor ^= splitmix(a ^ 0x9e3779b97f4a7c15L);
    }

    public long count() {
        return count;
    }

    /** The fingerprint, e.g. {@code 1000:3f2a…:9b1c…}. */
    public String fingerprint() {
        return count + ":" + Long.toHexString(sum) + ":" + Long.toHexString(xor);
    }

    public void merge(RowHasher other) {
        count += other.count;
        sum += other.sum;
        xor ^= other.xor;
    }

    private static long mix(long h, byte[] value) {
        if (value == null) {
            return (h ^ 0xff) * 0x100000001b3L * 31;
        }
        for (byte b : value) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        // the length separates "ab","c" from "a","bc"
        h ^= value.length;
        return h * 0x100000001b3L;
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A value as verification compares it: the same bytes for the same meaning, whichever server printed it. */
    public static byte[] canonical(ValueKind kind, byte[] v) {
        if (v == null) {
            return null;
        }
        return switch (kind) {
            case JSON -> canonicalJson(v);
            case FLOAT -> Integer.toHexString(Float.floatToIntBits(Float.parseFloat(text(v)))).getBytes(StandardCharsets.US_ASCII);
            case DOUBLE -> Long.toHexString(Double.doubleToLongBits(Double.parseDouble(text(v)))).getBytes(StandardCharsets.US_ASCII);
            case TEMPORAL -> trimFraction(v);
            case NUMBER -> canonicalNumber(v);
            case BIT -> stripLeadingZeros(v);
            default -> v;
        };
    }

    private static String text(byte[] v) {
        return new String(v, StandardCharsets.UTF_8);
    }

    /** 1.500 and 1.5 are the same number (engines differ in the scale they keep); integers pass unchanged. */
    private static byte[] canonicalNumber(byte[] v) {
        byte[] plain = plainDecimal(v);
        if (plain != null) {
            return plain;
        }
        for (byte b : v) {
            if (b == '.' || b == 'e' || b == 'E') {
                try {
                    BigDecimal d = new BigDecimal(text(v)).stripTrailingZeros();
                    return (d.signum() == 0 ? "0" : d.toPlainString()).getBytes(StandardCharsets.US_ASCII);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
        }
        return v;
    }

    /**
     * The common case of {@link #canonicalNumber} without a BigDecimal per value (verification hashes millions):
     * an optional minus, digits without a leading zero (or a single 0), a point and digits. Trailing zeros of the
     * fraction go, and the point when nothing is left after it; what BigDecimal.stripTrailingZeros().toPlainString()
     * gives for such text. Null for anything else (exponents, leading zeros, a plus sign), which takes the BigDecimal way.
     */
    static byte[] plainDecimal(byte[] v) {
        int n = v.length;
        int start = n > 0 && v[0] == '-' ? 1 : 0;
        int dot = -1;
        for (int i = start; i < n; i++) {
            byte b = v[i];
            if (b == '.') {
                if (dot >= 0) {
                    return null;
                }
                dot = i;
            } else if (b < '0' || b > '9') {
                return null;
            }
        }
        if (dot < 0) {
            return v; // an integer passes unchanged, as before
        }
        int intDigits = dot - start;
        if (intDigits == 0 || intDigits > 1 && v[start] == '0' || dot == n - 1) {
            return null;
        }
        int end = n;
        while (end > dot + 1 && v[end - 1] == '0') {
            end--;
        }
        if (end == dot + 1) {
            end = dot;
        }
        boolean zero = true;
        for (int i = start; i < end; i++) {
            if (v[i] != '0' && v[i] != '.') {
                zero = false;
                break;
            }
        }
        if (zero) {
            return new byte[] { '0' };
        }
        return end == n ? v : java.util.Arrays.copyOf(v, end);
    }

    private static byte[] trimFraction(byte[] v) {
        int dot = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return v;
        }
        // only ASCII digits after the point: trim the bytes as they are (no String per value)
        boolean digits = true;
        for (int i = dot + 1; i < v.length; i++) {
            if (v[i] < '0' || v[i] > '9') {
                digits = false;
                break;
            }
        }
        if (digits) {
            int end = v.length;
            while (end > dot + 1 && v[end - 1] == '0') {
                end--;
            }
            if (end == dot + 1) {
                end = dot;
            }
            return end == v.length ? v : java.util.Arrays.copyOf(v, end);
        }
        return trimFractionText(v);
    }

    private static byte[] trimFractionText(byte[] v) {
        String s = text(v);
        int dot = s.indexOf('.');
        if (dot < 0) {
            return v;
        }
        int end = s.length();
        while (end > dot + 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end == dot + 1) {
            end = dot;
        }
        return s.substring(0, end).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] stripLeadingZeros(byte[] v) {
        int i = 0;
        while (i < v.length - 1 && v[i] == 0) {
            i++;
        }
        return i == 0 ? v : java.util.Arrays.copyOfRange(v, i, v.length);
    }

    private static byte[] canonicalJson(byte[] v) {
        try {
            return JSON.writeValueAsBytes(normalize(JSON.readTree(v)));
        } catch (java.io.IOException e) {
            return v; // not JSON after all: compare as text
        }
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), normalize(e.getValue())));
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            sorted.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> a.add(normalize(child)));
            return a;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.textNode("#" + d.toPlainString());
        }
        return node;
    }
}
