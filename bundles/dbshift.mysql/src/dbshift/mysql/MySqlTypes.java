package dbshift.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.model.DataType;

/** Reads MySQL/MariaDB COLUMN_TYPE text into a {@link DataType} and prints it back. */
public final class MySqlTypes {
    private static final Pattern TYPE = Pattern.compile(
            "^([a-z][a-z0-9 ]*?)(?:\\((.*)\\))?((?: (?:unsigned|signed|zerofill))*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Types whose single parameter is a length in characters or bytes (or display width / fsp). */
    static final Set<String> DECIMAL_TYPES = Set.of("decimal", "numeric", "float", "double", "real", "double precision");
    public static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    public static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");
    public static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob");
    public static final Set<String> SPATIAL_TYPES = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");
    public static final Set<String> TEMPORAL_TYPES = Set.of("date", "datetime", "timestamp", "time", "year");

    private MySqlTypes() {
    }

    public static DataType parse(String columnType) {
        String text = columnType.trim();
        Matcher m = TYPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("unrecognised column type '" + columnType + "'");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).trim();
        String args = m.group(2);
        String mods = m.group(3).toLowerCase(Locale.ROOT);
        boolean unsigned = mods.contains("unsigned");
        boolean zerofill = mods.contains("zerofill");
        DataType type = DataType.of(name).withUnsigned(unsigned).withZerofill(zerofill);
        if (args == null) {
            return type;
        }
        if (name.equals("enum") || name.equals("set")) {
            return type.withValues(parseValues(args));
        }
        String[] parts = args.split(",");
        if (DECIMAL_TYPES.contains(name) && parts.length == 2) {
            return type.withPrecision(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
        if (name.equals("decimal") || name.equals("numeric")) {
            return type.withPrecision(Integer.parseInt(parts[0].trim()), 0);
        }
        return type.withLength(Integer.parseInt(parts[0].trim()));
    }

    /** Parses {@code 'a','b''c'} into its values. */
    static List<String> parseValues(String args) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (c == '\'') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < args.length()) {
                    char d = args.charAt(i);
                    if (d == '\'' && i + 1 < args.length() && args.charAt(i + 1) == '\'') {
                        v.append('\'');
                        i += 2;
                    } else if (d == '\\' && i + 1 < args.length()) {
                        v.append(args.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        v.append(d);
                        i++;
                    }
                }
                values.add(v.toString());
            } else {
                i++;
            }
        }
        return values;
    }

    /** The type as MySQL DDL, e.g. {@code decimal(12,2) unsigned}, {@code enum('a','b')}. */
    public static String render(DataType type) {
        StringBuilder b = new StringBuilder(type.name());
        if (!type.values().isEmpty()) {
            b.append('(');
            for (int i = 0; i < type.values().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(MySqlQuoting.INSTANCE.literal(type.values().get(i)));
            }
            b.append(')');
        } else if (type.precision() != null) {
            b.append('(').append(type.precision());
            if (type.scale() != null) {
                b.append(',').append(type.scale());
            }
            b.append(')');
        } else if (type.length() != null) {
            b.append('(').append(type.length()).append(')');
        }
        if (type.unsigned()) {
            b.append(" unsigned");
        }
        if (type.zerofill()) {
            b.append(" zerofill");
        }
        return b.toString();
    }

    public static boolean isText(DataType t) {
        return TEXT_TYPES.contains(t.name());
    }

    public static boolean isBinary(DataType t) {
        return BINARY_TYPES.contains(t.name());
    }

    public static boolean isSpatial(DataType t) {
        return SPATIAL_TYPES.contains(t.name());
    }
}
