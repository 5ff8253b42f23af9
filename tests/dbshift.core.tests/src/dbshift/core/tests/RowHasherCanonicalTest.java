package dbshift.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dbshift.core.data.RowHasher;
import dbshift.core.data.ValueKind;

/**
 * Verification compares numbers and fractional seconds by meaning. The byte-level fast paths (no BigDecimal or
 * String per value) must give exactly what the general rule gives: BigDecimal.stripTrailingZeros().toPlainString()
 * for decimals, the fraction without trailing zeros for date/time text.
 */
class RowHasherCanonicalTest {

    private static String canonical(ValueKind kind, String text) {
        return new String(RowHasher.canonical(kind, text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static String byBigDecimal(String text) {
        BigDecimal d = new BigDecimal(text).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    @Test
    void decimalsAreCanonicalLikeBigDecimalWouldMakeThem() {
        List<String> values = new ArrayList<>(List.of("0", "0.00", "-0.00", "0.50", "-0.05", "1.500", "10.00", "100.0", "12345.67",
                "-99999.99", "7", "-7", "120", "1.0e3", "1E-2", "007.50", ".5", "5.", "+1.20", "0.000001000", "9999999999.99"));
        Random r = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long units = r.nextLong() % 1_000_000_000_000L;
            int scale = r.nextInt(7);
            values.add(BigDecimal.valueOf(units, scale).toPlainString());
        }
        for (String v : values) {
            if (v.contains(".") || v.contains("e") || v.contains("E")) {
                assertEquals(byBigDecimal(v), canonical(ValueKind.NUMBER, v), v);
            } else {
                assertEquals(v, canonical(ValueKind.NUMBER, v), v); // integers pass unchanged
            }
        }
    }

    @Test
    void fractionalSecondsLoseOnlyTheirTrailingZeros() {
        assertEquals("2024-01-02 10:00:00.012", canonical(ValueKind.TEMPORAL, "2024-01-02 10:00:00.012000"));
        assertEquals("2024-01-02 10:00:00.12", canonical(ValueKind.TEMPORAL, "2024-01-02 10:00:00.120000"));
        assertEquals("2024-01-02 10:00:00", canonical(ValueKind.TEMPORAL, "2024-01-02 10:00:00.000000"));
        assertEquals("2024-01-02 10:00:00", canonical(ValueKind.TEMPORAL, "2024-01-02 10:00:00"));
        assertEquals("-838:59:59.5", canonical(ValueKind.TEMPORAL, "-838:59:59.500"));
        assertEquals("10:00:00.1", canonical(ValueKind.TEMPORAL, "10:00:00.1"));
    }
}
