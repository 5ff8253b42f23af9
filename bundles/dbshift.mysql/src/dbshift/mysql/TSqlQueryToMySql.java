package dbshift.mysql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dbshift.core.model.QualifiedName;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Translation;

/**
 * Simple T-SQL queries in MySQL's SQL, for replaying a SQL Server workload on a MySQL target: bracketed names,
 * {@code schema.table} through the migration's name map, a top-level {@code TOP n} as {@code LIMIT n}, and the
 * functions with an exact MySQL twin. Anything whose meaning could change on the way (type conversions, string
 * {@code +}, table hints, APPLY, variables, temporary tables) is refused with the reason; a refused statement is
 * reported as not replayable rather than replayed wrongly.
 */
final class TSqlQueryToMySql {
    private static final Map<String, String> FUNCTIONS = Map.of("ISNULL", "IFNULL", "GETDATE", "NOW", "NEWID", "UUID",
            "GETUTCDATE", "UTC_TIMESTAMP", "CHARINDEX", "LOCATE");
    private static final Set<String> REFUSED_WORDS = Set.of("APPLY", "PIVOT", "UNPIVOT", "NOLOCK", "CONVERT", "TRY_CONVERT",
            "CAST", "TRY_CAST", "FORMAT", "DATEADD", "DATEDIFF", "DATEPART", "DATENAME", "IIF", "STRING_AGG", "XML", "OFFSET",
            "FETCH", "MERGE", "OUTPUT", "LEN", "DATALENGTH", "STUFF", "REPLICATE");
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;

    private TSqlQueryToMySql() {
    }

    static Translation translate(String sql, NameMap names) {
        List<SqlText.Token> tokens = SqlText.of(sql, false).tokens();
        StringBuilder out = new StringBuilder();
        String limit = null;
        int depth = 0;
        boolean seenSelect = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlText.Token t = tokens.get(i);
            String upper = t.text().toUpperCase(Locale.ROOT);
            switch (t.kind()) {
                case OPEN -> depth++;
                case CLOSE -> depth--;
                default -> {
                }
            }
            if (t.kind() == SqlText.Kind.WORD) {
                if (t.text().startsWith("@") || t.text().startsWith("#")) {
                    return Translation.refused("uses T-SQL variables or temporary tables (" + t.text() + ")");
                }
                if (REFUSED_WORDS.contains(upper)) {
                    return Translation.refused("uses " + upper + ", whose T-SQL meaning has no exact MySQL twin DBShift "
                            + "translates");
                }
                if (upper.equals("WITH") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlText.Kind.OPEN) {
                    return Translation.refused("uses table hints (WITH (…))");
                }
                if (upper.equals("SELECT")) {
                    if (seenSelect && i + 1 < tokens.size() && tokens.get(i + 1).text().equalsIgnoreCase("TOP")) {
                        return Translation.refused("TOP in a subquery or a second SELECT");
                    }
                    seenSelect = true;
                }
                if (upper.equals("TOP")) {
                    if (depth != 0 || i + 1 >= tokens.size()) {
                        return Translation.refused("TOP in a subquery");
                    }
                    SqlText.Token n = tokens.get(i + 1);
                    int skip = 1;
                    if (n.kind() == SqlText.Kind.OPEN && i + 3 < tokens.size() && tokens.get(i + 3).kind() == SqlText.Kind.CLOSE) {
                        n = tokens.get(i + 2);
                        skip = 3;
                    }
                    if (n.kind() != SqlText.Kind.NUMBER || i + skip + 1 < tokens.size()
                            && tokens.get(i + skip + 1).text().equalsIgnoreCase("PERCENT")) {
                        return Translation.refused("TOP with an expression, PERCENT or WITH TIES");
                    }
                    limit = n.text();
                    i += skip;
                    continue;
                }
                if (FUNCTIONS.containsKey(upper) && i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlText.Kind.OPEN) {
                    append(out, FUNCTIONS.get(upper));
                    continue;
                }
            }
            if (t.kind() == SqlText.Kind.SYMBOL && t.text().equals("+") && (adjacentString(tokens, i))) {
                return Translation.refused("string concatenation with +: MySQL adds numbers there");
            }
            if (isName(t) && i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".") && isName(tokens.get(i + 2))) {
                if (i + 4 < tokens.size() && tokens.get(i + 3).text().equals(".") && isName(tokens.get(i + 4))) {
                    return Translation.refused("three-part names (database.schema.object)");
                }
                QualifiedName mapped = names.table(unquote(t), unquote(tokens.get(i + 2)));
                append(out, Q.quote(mapped.schema()) + "." + Q.quote(mapped.name()));
                i += 2;
                continue;
            }
            append(out, t.kind() == SqlText.Kind.QUOTED_NAME ? Q.quote(unquote(t)) : t.text());
        }
        if (limit != null) {
            out.append(" LIMIT ").append(limit);
        }
        return Translation.translated(out.toString());
    }

    private static boolean adjacentString(List<SqlText.Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).kind() == SqlText.Kind.STRING
                || i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlText.Kind.STRING;
    }

    private static void append(StringBuilder out, String piece) {
        if (!out.isEmpty()) {
            char last = out.charAt(out.length() - 1);
            char first = piece.charAt(0);
            if ("<>=!".indexOf(last) >= 0 && "<>=".indexOf(first) >= 0) {
                // one operator: >=, <>, !=
            } else if (last != '(' && last != '.' && first != ')' && first != ',' && first != '.' && first != '(') {
                out.append(' ');
            } else if (first == '(' && !Character.isLetterOrDigit(last) && last != '`' && last != '(') {
                out.append(' ');
            }
        }
        out.append(piece);
    }

    private static boolean isName(SqlText.Token t) {
        return t.kind() == SqlText.Kind.WORD && !t.text().startsWith("@") || t.kind() == SqlText.Kind.QUOTED_NAME;
    }

    private static String unquote(SqlText.Token t) {
        String s = t.text();
        if (t.kind() != SqlText.Kind.QUOTED_NAME) {
            return s;
        }
        return s.startsWith("[") ? s.substring(1, s.length() - 1).replace("]]", "]")
                : s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
}
