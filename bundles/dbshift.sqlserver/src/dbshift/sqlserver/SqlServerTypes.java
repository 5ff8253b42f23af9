package dbshift.sqlserver;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dbshift.core.model.DataType;

/**
 * SQL Server column types in the model. Conventions of this dialect: {@code length} is the declared length in
 * characters ({@code nchar}/{@code nvarchar}) or bytes, {@code -1} for {@code max}; {@code decimal}/{@code numeric}
 * use precision and scale; {@code datetime2}, {@code time} and {@code datetimeoffset} keep their fractional-second
 * digits in {@code length}; {@code float(n)} keeps n in {@code length} (null means 53). A user-defined alias type is
 * named {@code schema.name} in lower case with the exact spelling in {@code values} ({@code [schema, name]}); a typed
 * {@code xml} column has {@code values = [CONTENT|DOCUMENT, schema, collection]}.
 */
public final class SqlServerTypes {
    public static final int MAX = -1;
    /** Table option key under which a column of an alias type keeps its system base type ({@code base:<column>}). */
    public static final String BASE_TYPE = "base:";

    public static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "int", "bigint");
    public static final Set<String> EXACT_TYPES = Set.of("decimal", "numeric", "money", "smallmoney");
    public static final Set<String> CHARACTER_TYPES = Set.of("char", "varchar", "nchar", "nvarchar", "text", "ntext", "sysname");
    public static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "image", "rowversion", "timestamp");
    public static final Set<String> TEMPORAL_TYPES = Set.of("date", "datetime", "datetime2", "smalldatetime", "time",
            "datetimeoffset");
    /** Types with a length argument; the rest take none (or precision/scale). */
    static final Set<String> LENGTH_TYPES = Set.of("char", "varchar", "nchar", "nvarchar", "binary", "varbinary");
    static final Set<String> FRACTION_TYPES = Set.of("datetime2", "time", "datetimeoffset");
    /** Every system type name SQL Server 2012–2022 and Azure SQL know. */
    public static final Set<String> SYSTEM_TYPES = Set.of("bigint", "binary", "bit", "char", "date", "datetime", "datetime2",
            "datetimeoffset", "decimal", "float", "geography", "geometry", "hierarchyid", "image", "int", "money", "nchar",
            "ntext", "numeric", "nvarchar", "real", "smalldatetime", "smallint", "smallmoney", "sql_variant", "sysname", "text",
            "time", "timestamp", "rowversion", "tinyint", "uniqueidentifier", "varbinary", "varchar", "xml", "json", "vector");

    private SqlServerTypes() {
    }

    /**
     * A type from sys.types and sys.columns: {@code maxLength} in bytes (-1 for max), precision and scale as the
     * catalog reports them.
     */
    public static DataType fromCatalog(String systemName, int maxLength, int precision, int scale) {
        String n = systemName.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "char", "varchar", "binary", "varbinary" -> DataType.withLength(n, maxLength);
            case "nchar", "nvarchar" -> DataType.withLength(n, maxLength == MAX ? MAX : maxLength / 2);
            case "decimal", "numeric" -> DataType.decimal(n, precision, scale);
            case "datetime2", "time", "datetimeoffset" -> DataType.withLength(n, scale);
            case "float" -> precision == 53 ? DataType.of("float") : DataType.withLength("float", precision);
            case "timestamp" -> DataType.of("rowversion");
            default -> DataType.of(n);
        };
    }

    /** A reference to a user-defined alias (or CLR) type. */
    public static DataType userType(String schema, String name) {
        return new DataType(schema + "." + name, null, null, null, false, false, List.of(schema, name), null);
    }

    public static boolean isUserType(DataType t) {
        return t.values().size() == 2 && t.name().contains(".") && !t.name().equals("xml");
    }

    /**
     * Parses a type as T-SQL spells it in a script: {@code nvarchar(max)}, {@code [decimal](18, 2)},
     * {@code datetime2(3)}, {@code [dbo].[Phone]}, {@code xml(CONTENT dbo.Schemas)}.
     */
    public static DataType parse(String schema, String name, List<String> args) {
        String n = name.toLowerCase(Locale.ROOT);
        if (schema != null && !schema.equalsIgnoreCase("sys")) {
            return userType(schema, name);
        }
        if (!SYSTEM_TYPES.contains(n)) {
            return userType(schema == null ? "dbo" : schema, name);
        }
        if (n.equals("timestamp")) {
            n = "rowversion";
        }
        if (args.isEmpty()) {
            return switch (n) {
                case "char", "nchar", "binary", "varchar", "nvarchar", "varbinary" -> DataType.withLength(n, 1);
                case "decimal", "numeric" -> DataType.decimal(n, 18, 0);
                case "datetime2", "time", "datetimeoffset" -> DataType.withLength(n, 7);
                default -> DataType.of(n);
            };
        }
        if (n.equals("xml")) {
            String[] words = args.get(0).trim().split("\\s+", 2);
            boolean hasKind = words.length == 2 && (words[0].equalsIgnoreCase("CONTENT") || words[0].equalsIgnoreCase("DOCUMENT"));
            String collection = hasKind ? words[1] : args.get(0).trim();
            String[] parts = collection.split("\\.", 2);
            String cs = parts.length == 2 ? SqlServerQuoting.unquote(parts[0]) : "dbo";
            String cn = SqlServerQuoting.unquote(parts[parts.length - 1]);
            return DataType.of("xml").withValues(List.of(hasKind ? words[0].toUpperCase(Locale.ROOT) : "CONTENT", cs, cn));
        }
        String first = args.get(0).trim();
        if (first.equalsIgnoreCase("max")) {
            return DataType.withLength(n, MAX);
        }
        int a = Integer.parseInt(first);
        if (n.equals("decimal") || n.equals("numeric")) {
            return DataType.decimal(n, a, args.size() > 1 ? Integer.parseInt(args.get(1).trim()) : 0);
        }
        if (n.equals("float")) {
            // float(1..24) is real, float(25..53) is float
            return a <= 24 ? DataType.of("real") : DataType.of("float");
        }
        return DataType.withLength(n, a);
    }

    /** Parses a type as written, e.g. {@code nvarchar(max)} or {@code [dbo].[Phone]}. */
    public static DataType parseText(String text) {
        List<TSqlLexer.Token> t = TSqlLexer.significant(text);
        int[] span = new int[2];
        List<String> parts = SqlServerModules.multipart(t, 0, span);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("not a type: " + text);
        }
        List<String> args = new java.util.ArrayList<>();
        int i = span[1];
        if (i < t.size() && t.get(i).is("(")) {
            StringBuilder arg = new StringBuilder();
            for (i++; i < t.size() && !t.get(i).is(")"); i++) {
                if (t.get(i).is(",")) {
                    args.add(arg.toString());
                    arg.setLength(0);
                } else {
                    arg.append(arg.isEmpty() ? "" : " ").append(t.get(i).text());
                }
            }
            args.add(arg.toString());
        }
        return parse(parts.size() > 1 ? parts.get(parts.size() - 2) : null, parts.get(parts.size() - 1), args);
    }

    /** The system type a column stores: its own, or for an alias type the base type the table options record. */
    public static DataType storedType(dbshift.core.model.Table table, dbshift.core.model.Column column) {
        if (!isUserType(column.type())) {
            return column.type();
        }
        String base = table.options().extra().get(BASE_TYPE + column.name());
        return base == null ? DataType.withLength("nvarchar", MAX) : parseText(base);
    }

    /** The type as T-SQL, e.g. {@code nvarchar(max)}, {@code decimal(18,2)}, {@code [dbo].[Phone]}. */
    public static String render(DataType type) {
        if (isUserType(type)) {
            return SqlServerQuoting.INSTANCE.quote(type.values().get(0)) + "." + SqlServerQuoting.INSTANCE.quote(type.values().get(1));
        }
        String n = type.name();
        if (n.equals("xml") && type.values().size() == 3) {
            return "xml(" + type.values().get(0) + " " + SqlServerQuoting.INSTANCE.quote(type.values().get(1)) + "."
                    + SqlServerQuoting.INSTANCE.quote(type.values().get(2)) + ")";
        }
        if ((n.equals("decimal") || n.equals("numeric")) && type.precision() != null) {
            return n + "(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
        }
        if (LENGTH_TYPES.contains(n) && type.length() != null) {
            return n + "(" + (type.length() == MAX ? "max" : type.length().toString()) + ")";
        }
        if (FRACTION_TYPES.contains(n) && type.length() != null) {
            return n + "(" + type.length() + ")";
        }
        if (n.equals("float") && type.length() != null) {
            return "float(" + type.length() + ")";
        }
        return n;
    }

    public static boolean isMax(DataType t) {
        return t.length() != null && t.length() == MAX;
    }

    public static boolean isCharacter(DataType t) {
        return CHARACTER_TYPES.contains(t.name());
    }

    public static boolean isUnicode(DataType t) {
        return t.name().startsWith("n") && isCharacter(t);
    }

    public static boolean isBinary(DataType t) {
        return BINARY_TYPES.contains(t.name());
    }
}
