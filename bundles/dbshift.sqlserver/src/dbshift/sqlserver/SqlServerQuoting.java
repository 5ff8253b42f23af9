package dbshift.sqlserver;

import dbshift.core.engine.Quoting;

/** Bracket quoting ({@code ]} doubled inside) and Unicode string literals ({@code N'…'}, quotes doubled). */
public final class SqlServerQuoting implements Quoting {
    public static final SqlServerQuoting INSTANCE = new SqlServerQuoting();

    /** sysname is nvarchar(128): SQL Server refuses longer identifiers. */
    static final int MAX_IDENTIFIER = 128;

    @Override
    public String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return '[' + identifier.replace("]", "]]") + ']';
    }

    @Override
    public String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        return "N'" + value.replace("'", "''") + "'";
    }

    /** A plain (non-Unicode) literal, for the few places T-SQL wants varchar (e.g. DBCC arguments are fine with N'…'). */
    public String asciiLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Removes one level of bracket or double-quote quoting, as T-SQL scripts and catalog texts spell names. */
    public static String unquote(String identifier) {
        String s = identifier.trim();
        if (s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            return s.substring(1, s.length() - 1).replace("]]", "]");
        }
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
