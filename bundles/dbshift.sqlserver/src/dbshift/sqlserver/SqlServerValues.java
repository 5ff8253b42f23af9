package dbshift.sqlserver;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;
import dbshift.core.preview.ValueCheck;
import dbshift.core.preview.ValueDomain;
import dbshift.core.preview.ValueDomain.LengthUnit;
import dbshift.core.preview.ValueDomain.Repertoire;
import dbshift.core.preview.ValueProbeSql;

/**
 * SQL Server's part of the lossy-value preview: what each column type holds (as a target, what MySQL and SAP ASE
 * values are compared with) and, for SQL Server sources, the T-SQL conditions that find values a target type would
 * change or refuse. Non-Unicode columns are taken to use code page 1252 (the Latin1_General collations'), unless
 * their collation is a _UTF8 one. The probe SQL has not run against a live server (none can run where DBShift is
 * tested).
 */
final class SqlServerValues implements ValueProbeSql {
    static final SqlServerValues INSTANCE = new SqlServerValues();
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;
    private static final String ALIAS = "dbshift_probe";
    private static final Pattern LITERAL = Pattern.compile("N?'((?:[^']|'')*)'");
    private static final LocalDateTime MAX = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);

    private SqlServerValues() {
    }

    static Optional<ValueDomain> domain(Table table, Column column) {
        DataType t = column.type();
        String n = t.name().toLowerCase(Locale.ROOT);
        boolean utf8 = column.collation() != null && column.collation().toUpperCase(Locale.ROOT).contains("_UTF8");
        ValueDomain d = switch (n) {
            case "bit" -> ValueDomain.exact(BigDecimal.ZERO, BigDecimal.ONE, 0);
            case "tinyint" -> ValueDomain.integer(8, true);
            case "smallint" -> ValueDomain.integer(16, false);
            case "int" -> ValueDomain.integer(32, false);
            case "bigint" -> ValueDomain.integer(64, false);
            case "decimal", "numeric" -> ValueDomain.decimal(t.precision() == null ? 18 : t.precision(),
                    t.scale() == null ? 0 : t.scale(), false);
            case "money" -> ValueDomain.exact(new BigDecimal("-922337203685477.5808"), new BigDecimal("922337203685477.5807"), 4);
            case "smallmoney" -> ValueDomain.exact(new BigDecimal("-214748.3648"), new BigDecimal("214748.3647"), 4);
            case "real" -> ValueDomain.approximate(24);
            case "float" -> ValueDomain.approximate(t.length() != null && t.length() <= 24 ? 24 : 53);
            case "char", "varchar" -> ValueDomain.text(length(t, 2_147_483_647L), LengthUnit.BYTES,
                    utf8 ? Repertoire.UNICODE : Repertoire.CP1252);
            case "text" -> ValueDomain.text(null, LengthUnit.BYTES, utf8 ? Repertoire.UNICODE : Repertoire.CP1252);
            case "nchar", "nvarchar", "sysname" -> ValueDomain.text(n.equals("sysname") ? 128L : length(t, null),
                    LengthUnit.UTF16_UNITS, Repertoire.UNICODE);
            case "ntext" -> ValueDomain.text(null, LengthUnit.UTF16_UNITS, Repertoire.UNICODE);
            case "binary", "varbinary" -> ValueDomain.bytes(length(t, null));
            case "image" -> ValueDomain.bytes(null);
            case "date" -> ValueDomain.date(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 0, 0), false);
            case "datetime2", "datetimeoffset" -> ValueDomain.dateTime(LocalDateTime.of(1, 1, 1, 0, 0), MAX,
                    t.length() == null ? 7 : t.length(), false);
            case "datetime" -> ValueDomain.dateTime(LocalDateTime.of(1753, 1, 1, 0, 0),
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000), 3, false);
            case "smalldatetime" -> ValueDomain.dateTime(LocalDateTime.of(1900, 1, 1, 0, 0),
                    LocalDateTime.of(2079, 6, 6, 23, 59, 0), 0, false);
            case "time" -> ValueDomain.timeOfDay(Duration.ZERO, Duration.ofHours(24).minusNanos(100),
                    t.length() == null ? 7 : t.length());
            default -> ValueDomain.other();
        };
        List<String> allowed = allowedValues(table, column);
        if (!allowed.isEmpty()) {
            d = d.withAllowed(allowed);
        }
        return Optional.of(d.withNullable(column.nullable()));
    }

    private static Long length(DataType t, Long max) {
        if (t.length() == null) {
            return 1L;
        }
        // (max) has no limit worth probing: a Long, not a long, or the null would be unboxed
        return t.length() == SqlServerTypes.MAX ? max : Long.valueOf(t.length());
    }

    /** The values a CHECK of the form {@code [c] IN (N'a', N'b')} allows (what an ENUM becomes), else none. */
    static List<String> allowedValues(Table table, Column column) {
        String head = Q.quote(column.name()) + " IN (";
        for (CheckConstraint ck : table.checks()) {
            String e = ck.expression() == null ? "" : ck.expression().trim();
            while (e.startsWith("(") && e.endsWith(")")) {
                e = e.substring(1, e.length() - 1).trim();
            }
            if (ck.enforced() && e.regionMatches(true, 0, head, 0, head.length()) && e.endsWith(")")) {
                List<String> values = new ArrayList<>();
                Matcher m = LITERAL.matcher(e.substring(head.length(), e.length() - 1));
                while (m.find()) {
                    values.add(m.group(1).replace("''", "'"));
                }
                return values;
            }
        }
        return List.of();
    }

    // ---- probe SQL (SQL Server sources) --------------------------------------------------------------------

    @Override
    public String rows(Table table, List<String> columns, long limit) {
        if (limit <= 0) {
            return Q.quote(table.name()) + " AS " + ALIAS;
        }
        List<String> keys = table.hasPrimaryKey() ? table.primaryKey().columnNames() : List.of();
        String order = keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys.stream().map(Q::quote).toList());
        return "(SELECT TOP (" + limit + ") " + String.join(", ", columns.stream().map(Q::quote).toList()) + " FROM "
                + Q.quote(table.name()) + order + ") AS " + ALIAS;
    }

    @Override
    public Optional<String> condition(Table table, Column column, ValueCheck check) {
        String c = Q.quote(column.name());
        String n = column.type().name().toLowerCase(Locale.ROOT);
        boolean unicode = n.startsWith("n");
        return Optional.ofNullable(switch (check) {
            case ValueCheck.TooLong l -> switch (l.unit()) {
                // DATALENGTH counts bytes: two per UTF-16 unit in Unicode columns; LEN would drop trailing spaces
                case CHARACTERS, UTF16_UNITS -> "DATALENGTH(" + c + ") > " + (unicode ? 2 * l.max() : l.max());
                case BYTES -> unicode ? "DATALENGTH(CAST(" + c + " AS varchar(max)) COLLATE Latin1_General_100_CI_AS_SC_UTF8) > " + l.max()
                        : "DATALENGTH(" + c + ") > " + l.max();
            };
            case ValueCheck.NumberOutside o -> range(c, o.min() == null ? null : o.min().toPlainString(),
                    o.max() == null ? null : o.max().toPlainString());
            case ValueCheck.MoreDecimals d -> c + " <> ROUND(" + c + ", " + d.scale() + ")";
            case ValueCheck.FloatRounding f -> f.bits() <= 24 ? c + " <> CAST(CAST(" + c + " AS real) AS float)" : null;
            case ValueCheck.OutsideRepertoire r -> switch (r.repertoire()) {
                case BMP -> unicode ? c + " COLLATE Latin1_General_100_BIN2 LIKE N'%[' + NCHAR(55296) + N'-' + NCHAR(56319) + N']%'" : null;
                case CP1252 -> unicode ? "CAST(CAST(" + c + " AS varchar(max)) COLLATE Latin1_General_100_BIN2 AS nvarchar(max)) <> " + c
                        + " COLLATE Latin1_General_100_BIN2" : null;
                case ASCII -> c + " COLLATE Latin1_General_100_BIN2 LIKE N'%[^' + NCHAR(0) + N'-' + NCHAR(127) + N']%'";
                case UNICODE -> null;
            };
            case ValueCheck.DateOutside o -> range(c, literal(o.min()), literal(o.max()));
            case ValueCheck.TimeOutside o -> null; // SQL Server's time is a time of day: never wider than a target's
            case ValueCheck.MoreFraction f -> f.digits() >= 7 ? null
                    : "DATEPART(nanosecond, " + c + ") % " + BigDecimal.TEN.pow(9 - f.digits()) + " <> 0";
            case ValueCheck.ZeroDate z -> null; // no zero dates in SQL Server
            case ValueCheck.TimeOfDay t -> "CAST(" + c + " AS time) <> '00:00:00'";
            case ValueCheck.NotADocument d -> "ISJSON(" + c + ") = 0";
            case ValueCheck.Reparsed r -> null; // evaluated by the client on the document's text
            case ValueCheck.NotAllowed a -> a.values().isEmpty() ? null : c + " NOT IN ("
                    + String.join(", ", a.values().stream().map(Q::literal).toList()) + ")";
        });
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
        return String.format(Locale.ROOT, "CAST('%04d-%02d-%02dT%02d:%02d:%02d.%07d' AS datetime2(7))", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 100);
    }

    @Override
    public String text(Table table, Column column) {
        String c = Q.quote(column.name());
        String n = column.type().name().toLowerCase(Locale.ROOT);
        if (SqlServerTypes.BINARY_TYPES.contains(n)) {
            return "CONVERT(varchar(max), CAST(" + c + " AS varbinary(max)), 1)";
        }
        if (SqlServerTypes.TEMPORAL_TYPES.contains(n)) {
            return "CONVERT(nvarchar(40), " + c + ", 121)";
        }
        return "CAST(" + c + " AS nvarchar(max))";
    }

    @Override
    public String firstRows(String select, int n) {
        return select.replaceFirst("^SELECT ", "SELECT TOP (" + n + ") ");
    }
}
