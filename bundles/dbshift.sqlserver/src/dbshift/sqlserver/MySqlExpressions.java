package dbshift.sqlserver;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates MySQL expressions and view queries (as information_schema prints them) into T-SQL where the
 * translation is mechanical: backtick identifiers become brackets, strings lose their charset introducers and
 * backslash escapes and become N'…', common functions get their T-SQL names. What it cannot translate it leaves in
 * place and lists in {@link Result#unsupported()}, so the caller reports the object instead of guessing.
 */
final class MySqlExpressions {
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("ifnull", "ISNULL"),
            Map.entry("now", "SYSDATETIME"), Map.entry("sysdate", "SYSDATETIME"), Map.entry("current_timestamp", "SYSDATETIME"),
            Map.entry("localtimestamp", "SYSDATETIME"), Map.entry("utc_timestamp", "SYSUTCDATETIME"),
            Map.entry("char_length", "LEN"), Map.entry("character_length", "LEN"), Map.entry("lcase", "LOWER"),
            Map.entry("ucase", "UPPER"), Map.entry("substr", "SUBSTRING"), Map.entry("if", "IIF"), Map.entry("uuid", "NEWID"),
            Map.entry("rand", "RAND"), Map.entry("ceil", "CEILING"), Map.entry("octet_length", "DATALENGTH"));
    /** Functions with the same name and meaning in T-SQL (SQL Server 2017+ for CONCAT_WS and TRIM). */
    private static final Set<String> SAME = Set.of("concat", "concat_ws", "coalesce", "nullif", "abs", "round", "floor",
            "upper", "lower", "ltrim", "rtrim", "trim", "replace", "left", "right", "reverse", "substring", "year", "month", "day",
            "sum", "count", "min", "max", "avg", "cast", "convert", "sign", "power", "sqrt", "exp", "log10", "pi", "ascii",
            "char", "isnull", "lag", "lead", "row_number", "rank", "dense_rank", "ntile", "first_value", "last_value");
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "as", "join", "inner",
            "left", "right", "outer", "cross", "on", "group", "by", "order", "having", "union", "all", "distinct", "case", "when",
            "then", "else", "end", "is", "null", "in", "like", "between", "exists", "asc", "desc", "over", "partition", "with",
            "char", "signed", "unsigned", "decimal", "date", "datetime", "time", "binary", "nchar");

    record Result(String text, java.util.List<String> unsupported) {
        boolean clean() {
            return unsupported.isEmpty();
        }
    }

    private MySqlExpressions() {
    }

    static Result translate(String mysql) {
        StringBuilder out = new StringBuilder();
        java.util.List<String> unsupported = new java.util.ArrayList<>();
        int i = 0;
        int n = mysql.length();
        while (i < n) {
            char c = mysql.charAt(i);
            if (c == '`') {
                int end = i + 1;
                StringBuilder id = new StringBuilder();
                while (end < n) {
                    char d = mysql.charAt(end);
                    if (d == '`' && end + 1 < n && mysql.charAt(end + 1) == '`') {
                        id.append('`');
                        end += 2;
                    } else if (d == '`') {
                        break;
                    } else {
                        id.append(d);
                        end++;
                    }
                }
                out.append(SqlServerQuoting.INSTANCE.quote(id.toString()));
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                StringBuilder s = new StringBuilder();
                int end = i + 1;
                while (end < n) {
                    char d = mysql.charAt(end);
                    if (d == '\\' && end + 1 < n) {
                        char e = mysql.charAt(end + 1);
                        s.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case '0' -> '\0';
                            default -> e;
                        });
                        end += 2;
                    } else if (d == c && end + 1 < n && mysql.charAt(end + 1) == c) {
                        s.append(c);
                        end += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        s.append(d);
                        end++;
                    }
                }
                out.append(SqlServerQuoting.INSTANCE.literal(s.toString()));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(mysql.charAt(end)) || mysql.charAt(end) == '_' || mysql.charAt(end) == '$')) {
                    end++;
                }
                String word = mysql.substring(i, end);
                String lower = word.toLowerCase(Locale.ROOT);
                int after = end;
                while (after < n && mysql.charAt(after) == ' ') {
                    after++;
                }
                boolean call = after < n && mysql.charAt(after) == '(';
                if (lower.startsWith("_") && after < n && mysql.charAt(after) == '\'') {
                    // charset introducer: _utf8mb4'text'
                    i = after;
                    continue;
                }
                if (lower.equals("collate")) {
                    // drop "collate <name>": the target column's collation applies
                    int j = after;
                    while (j < n && (Character.isLetterOrDigit(mysql.charAt(j)) || mysql.charAt(j) == '_')) {
                        j++;
                    }
                    i = j;
                    continue;
                }
                if (call && FUNCTIONS.containsKey(lower)) {
                    out.append(FUNCTIONS.get(lower));
                } else if (call && !SAME.contains(lower) && !KEYWORDS.contains(lower)) {
                    unsupported.add(lower + "()");
                    out.append(word);
                } else if (!call && (lower.equals("true") || lower.equals("false"))) {
                    out.append(lower.equals("true") ? "1" : "0");
                } else if (!call && (lower.equals("limit") || lower.equals("regexp") || lower.equals("rlike") || lower.equals("div")
                        || lower.equals("xor"))) {
                    unsupported.add(lower.toUpperCase(Locale.ROOT));
                    out.append(word);
                } else if (!call && lower.equals("current_timestamp")) {
                    out.append("SYSDATETIME()");
                } else {
                    out.append(word);
                }
                i = end;
            } else if (c == '<' && mysql.startsWith("<=>", i)) {
                unsupported.add("<=>");
                out.append("<=>");
                i += 3;
            } else if (c == '|' && mysql.startsWith("||", i) || c == '&' && mysql.startsWith("&&", i)) {
                unsupported.add(mysql.substring(i, i + 2));
                out.append(mysql, i, i + 2);
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), unsupported);
    }
}
