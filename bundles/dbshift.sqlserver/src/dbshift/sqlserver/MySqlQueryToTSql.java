package dbshift.sqlserver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dbshift.core.model.QualifiedName;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Translation;

/**
 * Simple MySQL queries in T-SQL, for replaying a MySQL workload on a SQL Server target: backticked names as
 * bracketed ones, {@code schema.table} through the migration's name map, a final {@code LIMIT n} as {@code TOP n},
 * and functions with an exact T-SQL twin. What could change meaning on the way (LIMIT with an offset, backslash
 * escapes, double-quoted strings, MySQL-only functions and operators) is refused with the reason.
 */
final class MySqlQueryToTSql {
    private static final Map<String, String> FUNCTIONS = Map.of("IFNULL", "ISNULL", "UTC_TIMESTAMP", "GETUTCDATE",
            "UUID", "NEWID", "LOCATE", "CHARINDEX");
    private static final Set<String> REFUSED_WORDS = Set.of("GROUP_CONCAT", "REGEXP", "RLIKE", "DIV", "IF", "INTERVAL",
            "DATE_FORMAT", "STR_TO_DATE", "CAST", "CONVERT", "MATCH", "AGAINST", "STRAIGHT_JOIN", "FORCE", "IGNORE", "USE",
            "JSON_EXTRACT", "JSON_UNQUOTE", "JSON_OBJECT", "JSON_ARRAY", "OFFSET", "LENGTH", "CHAR_LENGTH", "SUBSTRING_INDEX",
            "NOW", "CURDATE", "DATE_ADD", "DATE_SUB", "DATEDIFF", "FIND_IN_SET", "ROLLUP", "LIMIT_OFFSET");

    private MySqlQueryToTSql() {
    }

    static Translation translate(String sql, NameMap names) {
        List<SqlText.Token> tokens = SqlText.of(sql, true).tokens();
        int end = tokens.size();
        String top = null;
        // a final LIMIT n (no offset) becomes TOP n
        if (end >= 2 && tokens.get(end - 2).text().equalsIgnoreCase("LIMIT") && tokens.get(end - 1).kind() == SqlText.Kind.NUMBER) {
            top = tokens.get(end - 1).text();
            end -= 2;
        }
        StringBuilder out = new StringBuilder();
        boolean topPlaced = false;
        int depth = 0;
        for (int i = 0; i < end; i++) {
            SqlText.Token t = tokens.get(i);
            String upper = t.text().toUpperCase(Locale.ROOT);
            if (t.kind() == SqlText.Kind.OPEN) {
                depth++;
            } else if (t.kind() == SqlText.Kind.CLOSE) {
                depth--;
            }
            if (t.kind() == SqlText.Kind.WORD) {
                if (upper.equals("LIMIT")) {
                    return Translation.refused("LIMIT with an offset or inside a subquery");
                }
                if (t.text().startsWith("@")) {
                    return Translation.refused("uses MySQL variables (" + t.text() + ")");
                }
                if (REFUSED_WORDS.contains(upper)) {
                    return Translation.refused("uses " + upper + ", which DBShift does not translate to T-SQL");
                }
            }
            if (t.kind() == SqlText.Kind.STRING && (t.text().startsWith("\"") || t.text().contains("\\"))) {
                return Translation.refused("a double-quoted string or a backslash escape in a string literal");
            }
            if (t.kind() == SqlText.Kind.SYMBOL && (t.text().equals("|") || t.text().equals("&") || t.text().equals("^")
                    || t.text().equals("<") && i + 2 < end && tokens.get(i + 1).text().equals("=") && tokens.get(i + 2).text().equals(">"))) {
                return Translation.refused("a MySQL operator (" + t.text() + ") with another meaning in T-SQL");
            }
            if (t.kind() == SqlText.Kind.WORD && FUNCTIONS.containsKey(upper) && i + 1 < end && tokens.get(i + 1).kind() == SqlText.Kind.OPEN) {
                append(out, FUNCTIONS.get(upper));
                continue;
            }
            if (isName(t) && i + 2 < end && tokens.get(i + 1).text().equals(".") && isName(tokens.get(i + 2))) {
                QualifiedName mapped = names.table(unquote(t), unquote(tokens.get(i + 2)));
                append(out, SqlServerQuoting.INSTANCE.quote(mapped.schema()) + "." + SqlServerQuoting.INSTANCE.quote(mapped.name()));
                i += 2;
                continue;
            }
            append(out, t.kind() == SqlText.Kind.QUOTED_NAME ? SqlServerQuoting.INSTANCE.quote(unquote(t)) : t.text());
            if (top != null && !topPlaced && depth == 0 && upper.equals("SELECT")) {
                int next = i + 1;
                if (next < end && tokens.get(next).text().equalsIgnoreCase("DISTINCT")) {
                    append(out, "DISTINCT");
                    i++;
                }
                append(out, "TOP " + top);
                topPlaced = true;
            }
        }
        if (top != null && !topPlaced) {
            return Translation.refused("LIMIT on a statement that does not start with SELECT");
        }
        return Translation.translated(out.toString());
    }

    private static void append(StringBuilder out, String piece) {
        if (!out.isEmpty()) {
            char last = out.charAt(out.length() - 1);
            char first = piece.charAt(0);
            if ("<>=!".indexOf(last) >= 0 && "<>=".indexOf(first) >= 0) {
                // one operator: >=, <>, !=
            } else if (last != '(' && last != '.' && first != ')' && first != ',' && first != '.' && first != '(') {
                out.append(' ');
            } else if (first == '(' && !Character.isLetterOrDigit(last) && last != ']' && last != '(') {
                out.append(' ');
            }
        }
        out.append(piece);
    }

    private static boolean isName(SqlText.Token t) {
        return t.kind() == SqlText.Kind.WORD && !t.text().startsWith("@")
                || t.kind() == SqlText.Kind.QUOTED_NAME && t.text().startsWith("`");
    }

    private static String unquote(SqlText.Token t) {
        return t.kind() == SqlText.Kind.QUOTED_NAME ? t.text().substring(1, t.text().length() - 1).replace("``", "`") : t.text();
    }
}
