package dbshift.core.preview;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dbshift.core.preview.ValueDomain.Kind;
import dbshift.core.preview.ValueDomain.LengthUnit;
import dbshift.core.preview.ValueLoss.Effect;

/**
 * Compares a source column's domain with its target column's and lists the losses to probe for: only what the
 * target's type cannot hold, so a lossless mapping costs no query.
 */
public final class ValueLosses {
    private ValueLosses() {
    }

    /**
     * @param zeroDatesToNull whether the copy turns zero dates into NULL ({@code --zero-dates null})
     */
    public static List<ValueLoss> between(ValueDomain source, ValueDomain target, boolean zeroDatesToNull) {
        List<ValueLoss> out = new ArrayList<>();
        if (source == null || target == null || source.kind() == Kind.OTHER || target.kind() == Kind.OTHER) {
            return out;
        }
        boolean numbers = isNumber(source) && isNumber(target);
        if (numbers) {
            numbers(source, target, out);
        } else if (source.kind() == Kind.TEXT && target.kind() == Kind.TEXT
                || source.kind() == Kind.BYTES && target.kind() == Kind.BYTES) {
            strings(source, target, out);
        } else if (source.kind() == Kind.DATE_TIME && target.kind() == Kind.DATE_TIME) {
            dateTimes(source, target, zeroDatesToNull, out);
        } else if (target.kind() == Kind.DOCUMENT && target.parsed()
                && (source.kind() == Kind.TEXT || source.kind() == Kind.DOCUMENT && !source.parsed())) {
            documents(source, out);
        } else if (source.kind() == Kind.TIME_OF_DAY && target.kind() == Kind.TIME_OF_DAY) {
            Duration smin = (Duration) source.min();
            Duration smax = (Duration) source.max();
            Duration tmin = (Duration) target.min();
            Duration tmax = (Duration) target.max();
            if (tmin != null && tmax != null && (smin == null || smin.compareTo(tmin) < 0 || smax == null || smax.compareTo(tmax) > 0)) {
                out.add(new ValueLoss(ValueLoss.RANGE, new ValueCheck.TimeOutside(tmin, tmax), Effect.REFUSED,
                        "times outside " + duration(tmin) + " .. " + duration(tmax)));
            }
            fraction(source, target, out);
        }
        return out;
    }

    /** Text or documents kept as written, into a type that parses them. */
    private static void documents(ValueDomain source, List<ValueLoss> out) {
        if (source.kind() == Kind.TEXT) {
            out.add(new ValueLoss(ValueLoss.JSON, new ValueCheck.NotADocument(), Effect.REFUSED, "text that is not a JSON document"));
        }
        out.add(new ValueLoss(ValueLoss.JSON, new ValueCheck.Reparsed(), Effect.CHANGED,
                "JSON documents whose value changes when parsed (a key twice in an object: the last value is kept; "
                        + "numbers beyond a 64-bit integer or a double's digits: rounded)"));
    }

    private static boolean isNumber(ValueDomain d) {
        return d.kind() == Kind.EXACT_NUMBER || d.kind() == Kind.APPROXIMATE_NUMBER;
    }

    private static void numbers(ValueDomain source, ValueDomain target, List<ValueLoss> out) {
        BigDecimal smin = (BigDecimal) source.min();
        BigDecimal smax = (BigDecimal) source.max();
        BigDecimal tmin = (BigDecimal) target.min();
        BigDecimal tmax = (BigDecimal) target.max();
        boolean lowShort = tmin != null && (smin == null || smin.compareTo(tmin) < 0);
        boolean highShort = tmax != null && (smax == null || smax.compareTo(tmax) > 0);
        if (lowShort || highShort) {
            // crossing between signed and unsigned is its own rule: it is the usual cause and the usual fix
            boolean sourceUnsigned = smin != null && smin.signum() >= 0;
            boolean targetUnsigned = tmin != null && tmin.signum() >= 0;
            boolean sign = source.kind() == Kind.EXACT_NUMBER && target.kind() == Kind.EXACT_NUMBER
                    && sourceUnsigned != targetUnsigned;
            out.add(new ValueLoss(sign ? ValueLoss.SIGN : ValueLoss.RANGE,
                    new ValueCheck.NumberOutside(lowShort ? tmin : null, highShort ? tmax : null), Effect.REFUSED,
                    "numbers outside " + (tmin == null ? "…" : tmin.toPlainString()) + " .. "
                            + (tmax == null ? "…" : tmax.toPlainString())));
        }
        if (target.kind() == Kind.EXACT_NUMBER && target.scale() != null
                && (source.kind() == Kind.APPROXIMATE_NUMBER || source.scale() == null || source.scale() > target.scale())) {
            out.add(new ValueLoss(ValueLoss.PRECISION, new ValueCheck.MoreDecimals(target.scale()), Effect.CHANGED,
                    "values with more than " + target.scale() + " decimal(s)"));
        }
        if (target.kind() == Kind.APPROXIMATE_NUMBER && source.kind() == Kind.APPROXIMATE_NUMBER
                && target.floatBits() != null && source.floatBits() != null && target.floatBits() < source.floatBits()) {
            out.add(new ValueLoss(ValueLoss.PRECISION, new ValueCheck.FloatRounding(target.floatBits()), Effect.CHANGED,
                    "values a " + target.floatBits() + "-bit float does not hold exactly"));
        }
    }

    private static void strings(ValueDomain source, ValueDomain target, List<ValueLoss> out) {
        if (target.maxLength() != null) {
            Long sourceMax = maxIn(source, target.unit());
            if (sourceMax == null || sourceMax > target.maxLength()) {
                String unit = switch (target.unit()) {
                    case CHARACTERS -> "characters";
                    case UTF16_UNITS -> "UTF-16 code units";
                    case BYTES -> "bytes";
                };
                out.add(new ValueLoss(ValueLoss.TRUNCATION, new ValueCheck.TooLong(target.maxLength(), target.unit(), target.repertoire()),
                        Effect.REFUSED, "values longer than " + target.maxLength() + " " + unit));
            }
        }
        if (source.kind() == Kind.TEXT && target.repertoire() != null
                && (source.repertoire() == null || !target.repertoire().covers(source.repertoire()))) {
            boolean replaced = target.repertoire() == ValueDomain.Repertoire.CP1252
                    || target.repertoire() == ValueDomain.Repertoire.ASCII;
            out.add(new ValueLoss(ValueLoss.CHARSET, new ValueCheck.OutsideRepertoire(target.repertoire()),
                    replaced ? Effect.CHANGED : Effect.REFUSED, switch (target.repertoire()) {
                        case BMP -> "text with 4-byte UTF-8 characters (outside the basic multilingual plane)";
                        case CP1252 -> "text with characters outside code page 1252";
                        case ASCII -> "text with characters outside ASCII";
                        case UNICODE -> "text outside Unicode";
                    }));
        }
        if (!target.allowed().isEmpty() && (source.allowed().isEmpty() || !new HashSet<>(target.allowed()).containsAll(source.allowed()))) {
            out.add(new ValueLoss(ValueLoss.ENUM, new ValueCheck.NotAllowed(target.allowed()), Effect.REFUSED,
                    "values other than the " + target.allowed().size() + " the target allows"));
        }
    }

    /** The longest source value counted in another unit, or null when it cannot be bounded. */
    private static Long maxIn(ValueDomain source, LengthUnit unit) {
        if (source.maxLength() == null) {
            return null;
        }
        long n = source.maxLength();
        if (source.unit() == unit || source.kind() == Kind.BYTES) {
            return n;
        }
        ValueDomain.Repertoire r = source.repertoire() == null ? ValueDomain.Repertoire.UNICODE : source.repertoire();
        if (source.unit() == LengthUnit.CHARACTERS) {
            return switch (unit) {
                case UTF16_UNITS -> r == ValueDomain.Repertoire.UNICODE ? 2 * n : n;
                case BYTES -> switch (r) {
                    case UNICODE -> 4 * n;
                    case BMP -> 3 * n;
                    default -> n;
                };
                case CHARACTERS -> n;
            };
        }
        if (source.unit() == LengthUnit.BYTES) {
            // a byte limit bounds characters and code units from above
            return n;
        }
        return n; // UTF-16 units bound characters from above
    }

    private static void dateTimes(ValueDomain source, ValueDomain target, boolean zeroDatesToNull, List<ValueLoss> out) {
        LocalDateTime smin = (LocalDateTime) source.min();
        LocalDateTime smax = (LocalDateTime) source.max();
        LocalDateTime tmin = (LocalDateTime) target.min();
        LocalDateTime tmax = (LocalDateTime) target.max();
        if (target.dateOnly() && tmax != null) {
            // a date takes every time of its last day (the time is dropped, a loss of its own)
            tmax = tmax.toLocalDate().atTime(java.time.LocalTime.MAX);
        }
        boolean lowShort = tmin != null && (smin == null || smin.isBefore(tmin));
        boolean highShort = tmax != null && (smax == null || smax.isAfter(tmax));
        if (lowShort || highShort) {
            out.add(new ValueLoss(ValueLoss.RANGE, new ValueCheck.DateOutside(lowShort ? tmin : null, highShort ? tmax : null),
                    Effect.REFUSED, "dates outside " + (tmin == null ? "…" : tmin.toString().replace('T', ' ')) + " .. "
                            + (tmax == null ? "…" : tmax.toString().replace('T', ' '))));
        }
        if (target.dateOnly() && !source.dateOnly()) {
            out.add(new ValueLoss(ValueLoss.PRECISION, new ValueCheck.TimeOfDay(), Effect.CHANGED,
                    "date-times with a time of day (the date keeps only the day)"));
        }
        if (source.zeroDates() && (zeroDatesToNull || !target.zeroDates())) {
            boolean toNull = zeroDatesToNull && target.nullable();
            out.add(new ValueLoss(ValueLoss.ZERO_DATE, new ValueCheck.ZeroDate(), toNull ? Effect.CHANGED : Effect.REFUSED,
                    toNull ? "zero dates (copied as NULL)" : "zero dates"));
        }
        if (!target.dateOnly()) {
            fraction(source, target, out);
        }
    }

    private static void fraction(ValueDomain source, ValueDomain target, List<ValueLoss> out) {
        if (target.fractionDigits() != null && (source.fractionDigits() == null || source.fractionDigits() > target.fractionDigits())) {
            out.add(new ValueLoss(ValueLoss.PRECISION, new ValueCheck.MoreFraction(target.fractionDigits()), Effect.CHANGED,
                    "values with more than " + target.fractionDigits() + " fractional second digit(s)"));
        }
    }

    private static String duration(Duration d) {
        long s = d.getSeconds();
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d:%02d", sign, s / 3600, (s / 60) % 60, s % 60);
    }
}
