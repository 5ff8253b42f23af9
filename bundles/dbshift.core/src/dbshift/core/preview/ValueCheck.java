package dbshift.core.preview;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One test a source value may fail on its way into the target column's type. The source dialect turns it into a
 * condition in its SQL ({@link ValueProbeSql#condition}); true means the value would be changed or refused.
 */
public sealed interface ValueCheck {

    /**
     * Longer than {@code max}, counted in {@code unit} as the target counts; bytes are counted in the target's
     * encoding, given by its {@code repertoire} (one byte a character for the single-byte ones, UTF-8 otherwise).
     */
    record TooLong(long max, ValueDomain.LengthUnit unit, ValueDomain.Repertoire repertoire) implements ValueCheck {
    }

    /** An exact or approximate number below {@code min} or above {@code max} (either may be null: unbounded). */
    record NumberOutside(BigDecimal min, BigDecimal max) implements ValueCheck {
    }

    /** More decimal digits after the point than {@code scale}: rounded. */
    record MoreDecimals(int scale) implements ValueCheck {
    }

    /** A number that a float of {@code bits} significand bits does not hold exactly: rounded. */
    record FloatRounding(int bits) implements ValueCheck {
    }

    /** Text with a character outside {@code repertoire}. */
    record OutsideRepertoire(ValueDomain.Repertoire repertoire) implements ValueCheck {
    }

    /** A date-time (not a zero date) before {@code min} or after {@code max}. */
    record DateOutside(LocalDateTime min, LocalDateTime max) implements ValueCheck {
    }

    /** A time of day or duration outside {@code [min, max]}. */
    record TimeOutside(Duration min, Duration max) implements ValueCheck {
    }

    /** More fractional second digits than {@code digits}: rounded. */
    record MoreFraction(int digits) implements ValueCheck {
    }

    /** A date-time with a time of day other than midnight, which a date drops. */
    record TimeOfDay() implements ValueCheck {
    }

    /** Text that is not a JSON document. */
    record NotADocument() implements ValueCheck {
    }

    /**
     * A JSON document whose value parsing changes: an object with a key twice (the parsed form keeps the last value,
     * where a document kept as written reads the first) or a number no 64-bit integer or double holds exactly. The
     * client evaluates it on the document's text ({@link JsonReparse}); no source dialect writes a condition for it.
     */
    record Reparsed() implements ValueCheck {
    }

    /** A zero date: year, month or day zero. */
    record ZeroDate() implements ValueCheck {
    }

    /** Text that is none of {@code values} (compared as the source compares text). */
    record NotAllowed(List<String> values) implements ValueCheck {
        public NotAllowed {
            values = List.copyOf(values);
        }
    }
}
