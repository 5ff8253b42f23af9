package dbshift.core.preview;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The values a column type can hold, described without naming an engine, so that the engine can tell whether a
 * target column holds every value of its source column: numbers with their range and decimals, text with its length
 * limit (in the unit the engine counts) and character repertoire, byte strings, points in time with their range,
 * fractional digits and whether zero dates exist, JSON documents kept as written or parsed. Each dialect describes its
 * own types ({@code Dialect.valueDomain}); kinds no probe compares ({@link Kind#OTHER}: spatial values) are never
 * probed.
 *
 * @param min        smallest exact number, or smallest date-time / duration (by kind); null: no lower bound known
 * @param max        largest, likewise
 * @param scale      decimal digits an exact number keeps
 * @param floatBits  significand bits of an approximate number (24 single, 53 double)
 * @param maxLength  longest text or byte string, in {@code unit}; null: no limit worth probing
 * @param allowed    the only text values allowed (an enumeration or a check on the values), empty: any
 * @param zeroDates  whether the type holds zero dates (year, month or day zero)
 * @param nullable   whether the column takes NULL (what a zero date may become)
 * @param dateOnly   a date-time kind without a time of day (a date)
 * @param parsed     a document kind stored parsed (duplicate keys resolved, numbers as binary numbers), not as written
 */
public record ValueDomain(Kind kind, Object min, Object max, Integer scale, Integer floatBits, Long maxLength,
        LengthUnit unit, Repertoire repertoire, List<String> allowed, Integer fractionDigits, boolean zeroDates,
        boolean nullable, boolean dateOnly, boolean parsed) {

    public enum Kind {
        EXACT_NUMBER, APPROXIMATE_NUMBER, TEXT, BYTES, DATE_TIME, TIME_OF_DAY,
        /** A JSON document. */
        DOCUMENT, OTHER
    }

    /** How a length limit counts. */
    public enum LengthUnit {
        CHARACTERS, UTF16_UNITS, BYTES
    }

    /** Which characters a text column can store, narrowest last. */
    public enum Repertoire {
        /** Every Unicode character. */
        UNICODE,
        /** The basic multilingual plane only: no 4-byte UTF-8 characters (emoji, rare CJK). */
        BMP,
        /** Windows code page 1252 (Western European, a superset of ISO 8859-1's printable characters). */
        CP1252,
        /** 7-bit ASCII. */
        ASCII;

        /** Whether every character of {@code other} is one of this repertoire's. */
        public boolean covers(Repertoire other) {
            return this == other || this == UNICODE || (this == BMP && other != UNICODE) || (this == CP1252 && other == ASCII);
        }
    }

    public ValueDomain {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ValueDomain exact(BigDecimal min, BigDecimal max, int scale) {
        return new ValueDomain(Kind.EXACT_NUMBER, min, max, scale, null, null, null, null, null, null, false, true, false, false);
    }

    /** An exact number with {@code precision} digits, {@code scale} of them after the point (signed). */
    public static ValueDomain decimal(int precision, int scale, boolean unsigned) {
        BigDecimal max = BigDecimal.TEN.pow(precision).subtract(BigDecimal.ONE).movePointLeft(scale);
        return exact(unsigned ? BigDecimal.ZERO : max.negate(), max, scale);
    }

    /** An integer of {@code bits} bits, two's complement or unsigned. */
    public static ValueDomain integer(int bits, boolean unsigned) {
        java.math.BigInteger span = java.math.BigInteger.TWO.pow(bits);
        if (unsigned) {
            return exact(BigDecimal.ZERO, new BigDecimal(span.subtract(java.math.BigInteger.ONE)), 0);
        }
        java.math.BigInteger half = span.shiftRight(1);
        return exact(new BigDecimal(half.negate()), new BigDecimal(half.subtract(java.math.BigInteger.ONE)), 0);
    }

    public static ValueDomain approximate(int floatBits) {
        return new ValueDomain(Kind.APPROXIMATE_NUMBER, null, null, null, floatBits, null, null, null, null, null, false, true, false, false);
    }

    public static ValueDomain text(Long maxLength, LengthUnit unit, Repertoire repertoire) {
        return new ValueDomain(Kind.TEXT, null, null, null, null, maxLength, unit, repertoire, null, null, false, true, false, false);
    }

    public static ValueDomain bytes(Long maxLength) {
        return new ValueDomain(Kind.BYTES, null, null, null, null, maxLength, LengthUnit.BYTES, null, null, null, false, true, false, false);
    }

    public static ValueDomain dateTime(LocalDateTime min, LocalDateTime max, int fractionDigits, boolean zeroDates) {
        return new ValueDomain(Kind.DATE_TIME, min, max, null, null, null, null, null, null, fractionDigits, zeroDates, true, false, false);
    }

    public static ValueDomain timeOfDay(Duration min, Duration max, int fractionDigits) {
        return new ValueDomain(Kind.TIME_OF_DAY, min, max, null, null, null, null, null, null, fractionDigits, false, true, false, false);
    }

    public static ValueDomain other() {
        return new ValueDomain(Kind.OTHER, null, null, null, null, null, null, null, null, null, false, true, false, false);
    }

    public ValueDomain withAllowed(List<String> values) {
        return new ValueDomain(kind, min, max, scale, floatBits, maxLength, unit, repertoire, values, fractionDigits, zeroDates,
                nullable, dateOnly, parsed);
    }

    public ValueDomain withNullable(boolean isNullable) {
        return new ValueDomain(kind, min, max, scale, floatBits, maxLength, unit, repertoire, allowed, fractionDigits, zeroDates,
                isNullable, dateOnly, parsed);
    }

    /** A date without a time of day, from {@code min} to {@code max}. */
    public static ValueDomain date(LocalDateTime min, LocalDateTime max, boolean zeroDates) {
        return new ValueDomain(Kind.DATE_TIME, min, max, null, null, null, null, null, null, 0, zeroDates, true, true, false);
    }

    /**
     * A JSON document: {@code parsed} when the type stores it parsed (duplicate keys resolved to the last, numbers as
     * 64-bit integers or doubles), else kept as written.
     */
    public static ValueDomain document(boolean parsed) {
        return new ValueDomain(Kind.DOCUMENT, null, null, null, null, null, null, null, null, null, false, true, false, parsed);
    }
}
