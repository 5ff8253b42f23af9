package dbshift.core.model;

import java.util.List;
import java.util.Locale;

/**
 * A column type as one engine spells it: base name in lower case plus its modifiers. {@code length} is the
 * character or byte length (or display width / fractional seconds precision where the engine uses it so),
 * {@code precision}/{@code scale} are for exact numerics, {@code values} for enum and set, {@code srid} for spatial
 * types. The dialect that read it also writes it; converters map between engines.
 */
public record DataType(String name, Integer length, Integer precision, Integer scale, boolean unsigned, boolean zerofill,
        List<String> values, Integer srid) {

    public DataType {
        name = name.toLowerCase(Locale.ROOT);
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static DataType of(String name) {
        return new DataType(name, null, null, null, false, false, List.of(), null);
    }

    public static DataType withLength(String name, int length) {
        return new DataType(name, length, null, null, false, false, List.of(), null);
    }

    public static DataType decimal(String name, int precision, int scale) {
        return new DataType(name, null, precision, scale, false, false, List.of(), null);
    }

    public DataType withName(String newName) {
        return new DataType(newName, length, precision, scale, unsigned, zerofill, values, srid);
    }

    public DataType withLength(Integer newLength) {
        return new DataType(name, newLength, precision, scale, unsigned, zerofill, values, srid);
    }

    public DataType withUnsigned(boolean isUnsigned) {
        return new DataType(name, length, precision, scale, isUnsigned, zerofill, values, srid);
    }

    public DataType withZerofill(boolean isZerofill) {
        return new DataType(name, length, precision, scale, unsigned, isZerofill, values, srid);
    }

    public DataType withValues(List<String> newValues) {
        return new DataType(name, length, precision, scale, unsigned, zerofill, newValues, srid);
    }

    public DataType withSrid(Integer newSrid) {
        return new DataType(name, length, precision, scale, unsigned, zerofill, values, newSrid);
    }

    public DataType withPrecision(Integer newPrecision, Integer newScale) {
        return new DataType(name, length, newPrecision, newScale, unsigned, zerofill, values, srid);
    }

    /** A readable, engine-neutral rendering for messages (the DDL writer of each dialect renders real SQL). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (precision != null) {
            b.append('(').append(precision);
            if (scale != null) {
                b.append(',').append(scale);
            }
            b.append(')');
        } else if (length != null) {
            b.append('(').append(length == -1 ? "max" : length.toString()).append(')');
        } else if (!values.isEmpty()) {
            b.append('(');
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ",").append('\'').append(values.get(i).replace("'", "''")).append('\'');
            }
            b.append(')');
        }
        if (unsigned) {
            b.append(" unsigned");
        }
        if (zerofill) {
            b.append(" zerofill");
        }
        if (srid != null) {
            b.append(" srid ").append(srid);
        }
        return b.toString();
    }
}
