package dbshift.core.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * One way a column's values can be hurt by its target type: the rule it is reported under, the check that finds the
 * rows on the source, and whether such a value arrives changed (rounded, replaced, made NULL) or is refused.
 *
 * <p>Rule ids (stable; reports and suppressions key on them):
 * <ul>
 * <li>{@value #TRUNCATION}: text or bytes longer than the target column holds (refused);</li>
 * <li>{@value #RANGE}: numbers, dates or times outside the target type's range (refused);</li>
 * <li>{@value #SIGN}: negative values into an unsigned type, or unsigned values above a signed type's largest (refused);</li>
 * <li>{@value #PRECISION}: more decimals, fractional-second digits or significand bits than the target keeps (rounded);</li>
 * <li>{@value #ZERO_DATE}: zero dates the target refuses, or that {@code --zero-dates null} turns into NULL;</li>
 * <li>{@value #CHARSET}: characters the target's character set lacks (4-byte UTF-8 into a 3-byte set: refused; into a
 * single-byte code page: replaced by '?');</li>
 * <li>{@value #ENUM}: text outside the values the target allows (an enumeration that became a checked string refuses
 * the empty error value);</li>
 * <li>{@value #JSON}: JSON documents the target parses differently from how the source keeps them (duplicate keys,
 * numbers beyond a double's digits: changed), or text that is no document (refused);</li>
 * <li>{@value #NOT_PROBED}: a column the preview should have probed but could not (the reason is in the finding).</li>
 * </ul>
 */
public record ValueLoss(String rule, ValueCheck check, Effect effect, String description) {
    public static final String TRUNCATION = "DATA-TRUNCATION";
    public static final String RANGE = "DATA-RANGE";
    public static final String SIGN = "DATA-SIGN";
    public static final String PRECISION = "DATA-PRECISION";
    public static final String ZERO_DATE = "DATA-ZERO-DATE";
    public static final String CHARSET = "DATA-CHARSET";
    public static final String ENUM = "DATA-ENUM";
    public static final String JSON = "DATA-JSON";
    public static final String NOT_PROBED = "DATA-NOT-PROBED";

    public static final List<String> RULES = List.of(TRUNCATION, RANGE, SIGN, PRECISION, ZERO_DATE, CHARSET, ENUM, JSON, NOT_PROBED);

    /** What the target does with a value that fails the check. */
    public enum Effect {
        CHANGED, REFUSED
    }

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd[ HH:mm:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter();

    /**
     * The value as it would arrive, from its text on the source: the rounded number, the text with '?' for what the
     * code page lacks, NULL; "(refused)" where the target takes no such value.
     */
    public String after(String before) {
        if (before == null) {
            return null;
        }
        if (effect == Effect.REFUSED) {
            return "(refused)";
        }
        try {
            return switch (check) {
                case ValueCheck.MoreDecimals d -> new BigDecimal(before.trim()).setScale(d.scale(), RoundingMode.HALF_UP).toPlainString();
                // the single-precision value printed exactly as a double, or 0.1 would seem to arrive unchanged
                case ValueCheck.FloatRounding f -> f.bits() <= 24 ? Double.toString((float) Double.parseDouble(before))
                        : Double.toString(Double.parseDouble(before));
                case ValueCheck.MoreFraction f -> roundFraction(before, f.digits());
                case ValueCheck.OutsideRepertoire r -> replaceUnmappable(before, r.repertoire());
                case ValueCheck.ZeroDate z -> "NULL";
                case ValueCheck.TimeOfDay t -> before.trim().substring(0, before.trim().indexOf(' ') < 0 ? before.trim().length()
                        : before.trim().indexOf(' '));
                case ValueCheck.Reparsed r -> JsonReparse.reparsed(before).orElse(before);
                default -> "(changed)";
            };
        } catch (RuntimeException e) {
            return "(changed)";
        }
    }

    private static String roundFraction(String before, int digits) {
        LocalDateTime t = LocalDateTime.parse(before.trim(), DATE_TIME);
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = t.getNano();
        long rounded = (nanos + unit / 2) / unit * unit;
        LocalDateTime r = t.withNano(0).plusNanos(rounded);
        String base = r.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
        if (digits == 0) {
            return base;
        }
        String frac = String.format(java.util.Locale.ROOT, "%09d", r.getNano()).substring(0, digits);
        return base + "." + frac;
    }

    private static String replaceUnmappable(String before, ValueDomain.Repertoire repertoire) {
        Charset cs = switch (repertoire) {
            case CP1252 -> Charset.forName("windows-1252");
            case ASCII -> StandardCharsets.US_ASCII;
            default -> null;
        };
        if (cs == null) {
            return "(refused)";
        }
        CharsetEncoder encoder = cs.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                .onMalformedInput(CodingErrorAction.REPLACE).replaceWith(new byte[] { '?' });
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(before));
            return cs.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return "(changed)";
        }
    }
}
