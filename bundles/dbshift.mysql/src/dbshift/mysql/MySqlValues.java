package dbshift.mysql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;
import dbshift.core.preview.ValueCheck;
import dbshift.core.preview.ValueDomain;
import dbshift.core.preview.ValueDomain.LengthUnit;
import dbshift.core.preview.ValueDomain.Repertoire;
import dbshift.core.preview.ValueProbeSql;

/**
 * MySQL's and MariaDB's part of the lossy-value preview: what each column type holds (on either side of a mapping)
 * and the conditions that find, on a MySQL-family source, the values a target type would change or refuse.
 */
final class MySqlValues implements ValueProbeSql {
    static final MySqlValues INSTANCE = new MySqlValues();
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;
    private static final String ALIAS = "dbshift_probe";
    /** MySQL can store year 0 (only the zero date is refused by sql_mode NO_ZERO_DATE); the copy keeps such values. */
    private static final LocalDateTime MIN_DATE = LocalDateTime.of(0, 1, 1, 0, 0);
    private static final LocalDateTime MAX_DATE = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    private MySqlValues() {
    }

    // ---- domains -------------------------------------------------------------------------------------------

    /** @param mariaDb whether the column is MariaDB's, whose JSON is text kept as written */
    static Optional<ValueDomain> domain(Table table, Column column, boolean mariaDb) {
        DataType t = column.type();
        String n = t.name().toLowerCase(Locale.ROOT);
        ValueDomain d = switch (n) {
            case "tinyint" -> ValueDomain.integer(8, t.unsigned());
            case "smallint" -> ValueDomain.integer(16, t.unsigned());
            case "mediumint" -> ValueDomain.integer(24, t.unsigned());
            case "int", "integer" -> ValueDomain.integer(32, t.unsigned());
            case "bigint" -> ValueDomain.integer(64, t.unsigned());
            case "decimal", "numeric" -> ValueDomain.decimal(t.precision() == null ? 10 : t.precision(),
                    t.scale() == null ? 0 : t.scale(), t.unsigned());
            case "float" -> ValueDomain.approximate(t.precision() != null && t.scale() == null && t.precision() > 24 ? 53 : 24);
            case "double", "real", "double precision" -> ValueDomain.approximate(53);
            case "year" -> ValueDomain.exact(BigDecimal.ZERO, BigDecimal.valueOf(2155), 0);
            case "char", "varchar" -> ValueDomain.text((long) (t.length() == null ? 1 : t.length()), LengthUnit.CHARACTERS,
                    repertoire(table, column));
            case "tinytext" -> ValueDomain.text(255L, LengthUnit.BYTES, repertoire(table, column));
            case "text" -> ValueDomain.text(65_535L, LengthUnit.BYTES, repertoire(table, column));
            case "mediumtext" -> ValueDomain.text(16_777_215L, LengthUnit.BYTES, repertoire(table, column));
            case "longtext" -> ValueDomain.text(null, LengthUnit.BYTES, repertoire(table, column));
            case "enum" -> {
                List<String> allowed = new ArrayList<>(t.values());
                allowed.add(""); // the error value MySQL stores for an invalid member outside strict mode
                yield ValueDomain.text((long) t.values().stream().mapToInt(String::length).max().orElse(0),
                        LengthUnit.CHARACTERS, repertoire(table, column)).withAllowed(allowed);
            }
            case "set" -> ValueDomain.text((long) Math.max(0, t.values().stream().mapToInt(String::length).sum()
                    + t.values().size() - 1), LengthUnit.CHARACTERS, repertoire(table, column));
            case "binary", "varbinary" -> ValueDomain.bytes((long) (t.length() == null ? 1 : t.length()));
            case "tinyblob" -> ValueDomain.bytes(255L);
            case "blob" -> ValueDomain.bytes(65_535L);
            case "mediumblob" -> ValueDomain.bytes(16_777_215L);
            case "longblob" -> ValueDomain.bytes(null);
            case "date" -> ValueDomain.date(MIN_DATE, LocalDateTime.of(9999, 12, 31, 0, 0), true);
            case "bit" -> ValueDomain.integer(t.length() == null ? 1 : t.length(), true);
            // MySQL parses documents into its binary form; MariaDB's JSON is LONGTEXT checked by json_valid()
            case "json" -> ValueDomain.document(!mariaDb);
            case "datetime" -> ValueDomain.dateTime(MIN_DATE, MAX_DATE, fsp(t), true);
            case "timestamp" -> ValueDomain.dateTime(LocalDateTime.of(1970, 1, 1, 0, 0, 1),
                    LocalDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000), fsp(t), true);
            case "time" -> ValueDomain.timeOfDay(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59),
                    Duration.ofHours(838).plusMinutes(59).plusSeconds(59), fsp(t));
            default -> ValueDomain.other();
        };
        return Optional.of(d.withNullable(column.nullable()));
    }

    private static int fsp(DataType t) {
        return t.length() == null ? 0 : t.length();
    }

    /** The characters a text column's character set holds; null when DBShift does not know the set. */
    static Repertoire repertoire(Table table, Column column) {
        String cs = column.charset();
        if (cs == null && column.collation() != null) {
            cs = MySqlCatalogReader.charsetOf(column.collation());
        }
        if (cs == null) {
            cs = table.options().charset();
        }
        if (cs == null) {
            return null;
        }
        return switch (cs.toLowerCase(Locale.ROOT)) {
            case "utf8mb4", "utf16", "utf16le", "utf32" -> Repertoire.UNICODE;
            case "utf8", "utf8mb3", "ucs2" -> Repertoire.BMP;
            case "latin1" -> Repertoire.CP1252;
            case "ascii" -> Repertoire.ASCII;
            default -> null;
        };
    }

    // ---- probe SQL -----------------------------------------------------------------------------------------

    @Override
    public void prepare(Connection connection) throws SQLException {
        // the copy's session: TIMESTAMPs compare in UTC, as the copy reads them; text comes back as UTF-8
        new MySqlRowReader().prepareSession(connection);
    }

    @Override
    public String rows(Table table, List<String> columns, long limit) {
        if (limit <= 0) {
            return Q.quote(table.name()) + " AS " + ALIAS;
        }
        List<String> keys = new MySqlRowReader().keyColumns(table);
        String order = keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys.stream().map(Q::quote).toList());
        return "(SELECT " + String.join(", ", columns.stream().map(Q::quote).toList()) + " FROM " + Q.quote(table.name())
                + order + " LIMIT " + limit + ") AS " + ALIAS;
    }

    @Override
    public Optional<String> condition(Table table, Column column, ValueCheck check) {
        String c = Q.quote(column.name());
        boolean binary = MySqlTypes.isBinary(column.type());
        return Optional.ofNullable(switch (check) {
            case ValueCheck.TooLong l -> switch (l.unit()) {
                case CHARACTERS -> (binary ? "LENGTH(" : "CHAR_LENGTH(") + c + ") > " + l.max();
                case UTF16_UNITS -> binary ? "LENGTH(" + c + ") > " + l.max()
                        : "LENGTH(CONVERT(" + c + " USING utf16)) > " + 2 * l.max();
                case BYTES -> binary ? "LENGTH(" + c + ") > " + l.max() : switch (l.repertoire() == null ? Repertoire.UNICODE : l.repertoire()) {
                    case CP1252, ASCII -> "CHAR_LENGTH(" + c + ") > " + l.max();
                    case BMP -> "LENGTH(CONVERT(" + c + " USING utf8mb3)) > " + l.max();
                    case UNICODE -> "LENGTH(CONVERT(" + c + " USING utf8mb4)) > " + l.max();
                };
            };
            case ValueCheck.NumberOutside o -> range(c, o.min() == null ? null : o.min().toPlainString(),
                    o.max() == null ? null : o.max().toPlainString());
            case ValueCheck.MoreDecimals d -> number(column, c) + " <> ROUND(" + number(column, c) + ", " + d.scale() + ")";
            // scaled to a 24-bit significand, a float's value is a whole number (MySQL's CAST AS FLOAT does not round)
            case ValueCheck.FloatRounding f -> f.bits() >= 53 ? null : "(" + c + " <> 0 AND " + c + " <> ROUND(" + c
                    + " / POW(2, FLOOR(LOG2(ABS(" + c + "))) - " + (f.bits() - 1) + ")) * POW(2, FLOOR(LOG2(ABS(" + c + "))) - "
                    + (f.bits() - 1) + "))";
            case ValueCheck.OutsideRepertoire r -> switch (r.repertoire()) {
                // a supplementary character takes two UTF-16 units, every other one
                case BMP -> "LENGTH(CONVERT(" + c + " USING utf16)) <> 2 * CHAR_LENGTH(" + c + ")";
                case CP1252 -> roundTrip(c, "latin1");
                case ASCII -> roundTrip(c, "ascii");
                case UNICODE -> null;
            };
            case ValueCheck.DateOutside o -> "MONTH(" + c + ") <> 0 AND DAYOFMONTH(" + c + ") <> 0 AND ("
                    + range(c, literal(o.min()), literal(o.max())) + ")";
            case ValueCheck.TimeOutside o -> range(c, time(o.min()), time(o.max()));
            case ValueCheck.MoreFraction f -> f.digits() >= 6 ? null
                    : "MICROSECOND(" + c + ") MOD " + BigDecimal.TEN.pow(6 - f.digits()) + " <> 0";
            case ValueCheck.ZeroDate z -> "(MONTH(" + c + ") = 0 OR DAYOFMONTH(" + c + ") = 0)";
            // TIME(c) <> '00:00:00' compares as text on MySQL 8 ('00:00:00.000000' differs)
            case ValueCheck.TimeOfDay t -> "(HOUR(" + c + ") <> 0 OR MINUTE(" + c + ") <> 0 OR SECOND(" + c + ") <> 0 OR MICROSECOND("
                    + c + ") <> 0)";
            case ValueCheck.NotADocument d -> "JSON_VALID(" + c + ") = 0";
            case ValueCheck.Reparsed r -> null; // evaluated by the client on the document's text
            case ValueCheck.NotAllowed a -> a.values().isEmpty() ? null : "CAST(" + c + " AS CHAR) COLLATE utf8mb4_bin NOT IN ("
                    + String.join(", ", a.values().stream().map(v -> "_utf8mb4" + Q.literal(v)).toList()) + ")";
        });
    }

    /** A number as it compares: FLOAT through DOUBLE, so that its stored value counts, not its 6-digit print. */
    private static String number(Column column, String c) {
        return column.type().name().equalsIgnoreCase("float") ? "CAST(" + c + " AS DOUBLE)" : c;
    }

    private static String roundTrip(String c, String charset) {
        return "CAST(CONVERT(CONVERT(" + c + " USING " + charset + ") USING utf8mb4) AS BINARY) <> CAST(CONVERT(" + c
                + " USING utf8mb4) AS BINARY)";
    }

    private static String range(String c, String min, String max) {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add(c + " < " + min);
        }
        if (max != null) {
            parts.add(c + " > " + max);
        }
        return String.join(" OR ", parts);
    }

    private static String literal(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        String frac = t.getNano() == 0 ? "" : "." + String.format(Locale.ROOT, "%06d", t.getNano() / 1000);
        return String.format(Locale.ROOT, "CAST('%04d-%02d-%02d %02d:%02d:%02d%s' AS DATETIME(6))", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), frac);
    }

    private static String time(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.getSeconds();
        long micros = d.getNano() / 1000;
        if (s < 0 && micros > 0) {
            s++;
            micros = 1_000_000 - micros;
        }
        String sign = s < 0 || (s == 0 && d.isNegative()) ? "-" : "";
        s = Math.abs(s);
        return String.format(Locale.ROOT, "CAST('%s%d:%02d:%02d.%06d' AS TIME(6))", sign, s / 3600, (s / 60) % 60, s % 60, micros);
    }

    @Override
    public String text(Table table, Column column) {
        String c = Q.quote(column.name());
        String n = column.type().name().toLowerCase(Locale.ROOT);
        if (n.equals("float")) {
            return "CAST(CAST(" + c + " AS DOUBLE) AS CHAR)";
        }
        if (n.equals("bit")) {
            return "BIN(" + c + ")";
        }
        if (MySqlTypes.isBinary(column.type()) || MySqlTypes.isSpatial(column.type())) {
            return "CONCAT('0x', HEX(" + c + "))";
        }
        // dates and fractional seconds printed by the server: drivers print some of them differently
        return "CAST(" + c + " AS CHAR)";
    }

    @Override
    public String firstRows(String select, int n) {
        return select + " LIMIT " + n;
    }
}
