package dbshift.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dbshift.core.engine.Dialect;
import dbshift.core.model.QualifiedName;
import dbshift.core.script.SqlToken;
import dbshift.core.script.SqlToken.Kind;

/**
 * Translates T-SQL expressions and view queries into MySQL where the translation is mechanical: bracketed and
 * quoted identifiers become backticks, N'…' strings become MySQL strings (backslashes escaped), common functions get
 * MySQL's names, {@code TOP n} becomes {@code LIMIT n}, table hints are dropped, and schema-qualified table names
 * are renamed as the converter renames schemas. Anything else (CONVERT, CAST to T-SQL types, variables, unknown
 * functions, TOP in a subquery) makes the translation fail with null, so the caller reports the object. The text
 * is split into tokens by the source dialect ({@link Dialect#tokenize}); this class knows T-SQL's words, not how
 * the SQL Server engine reads them.
 */
final class TSqlToMySql {
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("isnull", "IFNULL"), Map.entry("len", "CHAR_LENGTH"),
            Map.entry("datalength", "LENGTH"), Map.entry("getdate", "NOW"), Map.entry("sysdatetime", "NOW"),
            Map.entry("getutcdate", "UTC_TIMESTAMP"), Map.entry("sysutcdatetime", "UTC_TIMESTAMP"), Map.entry("newid", "UUID"),
            Map.entry("iif", "IF"), Map.entry("charindex", "LOCATE"), Map.entry("ceiling", "CEILING"));
    private static final Set<String> SAME = Set.of("substring", "upper", "lower", "ltrim", "rtrim", "trim", "replace", "left",
            "right", "abs", "round", "floor", "coalesce", "nullif", "concat", "concat_ws", "year", "month", "day", "sum", "count",
            "min", "max", "avg", "sign", "power", "sqrt", "exp", "reverse", "ascii", "char", "row_number", "rank", "dense_rank",
            "lag", "lead", "exists", "in");
    private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "JOIN", "UPDATE", "INTO");

    private final Dialect source;

    TSqlToMySql(Dialect source) {
        this.source = source;
    }

    /** A CHECK, computed-column or default expression in MySQL syntax, or null when it cannot be translated. */
    String expression(String tsql) {
        return translate(tsql, null, null, c -> false, false);
    }

    /** As above, knowing which of the table's columns hold strings (for {@code +} between strings). */
    String expression(String tsql, Predicate<String> stringColumn) {
        return translate(tsql, null, null, stringColumn, false);
    }

    /** A view's SELECT in MySQL syntax with tables renamed by {@code tables}, or null when it cannot be translated. */
    String query(String tsql, UnaryOperator<QualifiedName> tables) {
        return translate(tsql, tables, null, c -> false, true);
    }

    /**
     * A view's SELECT: unqualified tables are taken from {@code defaultSchema} (the view's own, where SQL Server looks
     * first) and renamed too, so the view works from any database; {@code +} with a string operand (a literal, or a
     * column {@code stringColumn} says holds characters) becomes CONCAT, since MySQL's {@code +} adds numbers.
     */
    String query(String tsql, UnaryOperator<QualifiedName> tables, String defaultSchema, Predicate<String> stringColumn) {
        return translate(tsql, tables, defaultSchema, stringColumn, true);
    }

    private String translate(String tsql, UnaryOperator<QualifiedName> tables, String defaultSchema, Predicate<String> stringColumn,
            boolean query) {
        List<String> pieces = new ArrayList<>();
        List<Boolean> stringy = new ArrayList<>();
        List<SqlToken> all = source.tokenize(tsql);
        List<SqlToken> sig = all.stream().filter(SqlToken::significant).toList();
        String limit = null;
        int selectDepth = -1;
        int depth = 0;
        for (int i = 0; i < sig.size(); i++) {
            SqlToken k = sig.get(i);
            SqlToken prev = i > 0 ? sig.get(i - 1) : null;
            String piece;
            boolean isString = false;
            if (k.is("(")) {
                depth++;
                piece = "(";
            } else if (k.is(")")) {
                depth--;
                piece = ")";
            } else if (k.kind() == Kind.WORD && k.text().startsWith("@")) {
                return null;
            } else if (k.is("TOP") && prev != null && (prev.is("SELECT") || prev.is("DISTINCT"))) {
                if (!query || depth != 0 || selectDepth >= 0 || i + 1 >= sig.size()) {
                    return null;
                }
                SqlToken n = sig.get(i + 1);
                if (n.is("(") && i + 3 < sig.size() && sig.get(i + 2).kind() == Kind.NUMBER && sig.get(i + 3).is(")")) {
                    limit = sig.get(i + 2).text();
                    i += 3;
                } else if (n.kind() == Kind.NUMBER) {
                    limit = n.text();
                    i += 1;
                } else {
                    return null;
                }
                if (i + 1 < sig.size() && (sig.get(i + 1).is("PERCENT") || sig.get(i + 1).is("WITH"))) {
                    return null;
                }
                selectDepth = 0;
                continue;
            } else if (k.is("WITH") && i + 1 < sig.size() && sig.get(i + 1).is("(") && prev != null && prev.isName()) {
                // table hint WITH (NOLOCK …): skip to its closing parenthesis
                int j = i + 2;
                while (j < sig.size() && !sig.get(j).is(")")) {
                    j++;
                }
                i = j;
                continue;
            } else if (k.kind() == Kind.STRING) {
                String text = k.text();
                String value = text.substring(text.indexOf('\'') + 1, text.length() - 1).replace("''", "'");
                piece = "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
                isString = true;
            } else if (k.isName()) {
                int[] span = new int[2];
                List<String> parts = multipart(sig, i, span);
                boolean call = span[1] < sig.size() && sig.get(span[1]).is("(") && parts.size() == 1 && k.kind() == Kind.WORD;
                if (call) {
                    String lower = k.text().toLowerCase(Locale.ROOT);
                    if (FUNCTIONS.containsKey(lower)) {
                        piece = FUNCTIONS.get(lower);
                    } else if (SAME.contains(lower)) {
                        piece = k.text();
                    } else if (List.of("cast", "convert", "try_convert", "try_cast", "format", "datediff", "dateadd", "datepart",
                            "datename", "string_agg", "stuff").contains(lower) || !isKeyword(k)) {
                        return null;
                    } else {
                        piece = k.text();
                    }
                    i = span[1] - 1;
                } else if (k.kind() == Kind.WORD && parts.size() == 1 && isKeyword(k)) {
                    piece = k.upper();
                } else {
                    boolean table = prev != null && TABLE_CONTEXT.contains(prev.upper()) || prev != null && prev.is(",") && inFrom(sig, i);
                    List<String> named = new ArrayList<>(parts);
                    if (tables != null && table && parts.size() == 1 && defaultSchema != null) {
                        QualifiedName q = tables.apply(new QualifiedName(defaultSchema, parts.get(0)));
                        named = List.of(q.schema(), q.name());
                    } else if (tables != null && table && parts.size() >= 2) {
                        QualifiedName q = tables.apply(new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1)));
                        named = List.of(q.schema(), q.name());
                    } else if (tables != null && parts.size() == 3) {
                        QualifiedName q = tables.apply(new QualifiedName(parts.get(0), parts.get(1)));
                        named = List.of(q.schema(), q.name(), parts.get(2));
                    } else if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
                        return null;
                    }
                    piece = String.join(".", named.stream().map(n -> '`' + n.replace("`", "``") + '`').toList());
                    isString = !table && stringColumn.test(parts.get(parts.size() - 1));
                    i = span[1] - 1;
                }
            } else if (k.kind() == Kind.SYMBOL && (k.is("::") || k.is("+=") || k.is("-="))) {
                return null;
            } else {
                piece = k.text();
            }
            pieces.add(piece);
            stringy.add(isString);
        }
        concatenations(pieces, stringy);
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            if (!out.isEmpty() && needsSpace(out.charAt(out.length() - 1), piece)) {
                out.append(' ');
            }
            out.append(piece);
        }
        if (limit != null) {
            out.append(" LIMIT ").append(limit);
        }
        return out.toString();
    }

    /**
     * Rewrites each chain {@code a + b + …} that has a string operand into {@code CONCAT(a, b, …)}. An operand is one
     * piece (a literal, a column, a number) or a parenthesised group with the function name before it. NULL in any
     * operand gives NULL both ways, so the rewrite keeps T-SQL's result.
     */
    static void concatenations(List<String> pieces, List<Boolean> stringy) {
        for (int i = 0; i < pieces.size(); i++) {
            if (!pieces.get(i).equals("+") || i == 0) {
                continue;
            }
            int start = operandStart(pieces, i - 1);
            if (start < 0) {
                continue;
            }
            List<int[]> operands = new ArrayList<>();
            operands.add(new int[] { start, i });
            int j = i;
            while (j < pieces.size() && pieces.get(j).equals("+")) {
                int end = operandEnd(pieces, j + 1);
                if (end < 0) {
                    break;
                }
                operands.add(new int[] { j + 1, end });
                j = end;
            }
            if (operands.size() < 2 || operands.stream().noneMatch(o -> o[1] - o[0] == 1 && stringy.get(o[0]))) {
                i = j - 1;
                continue;
            }
            List<String> rewritten = new ArrayList<>(List.of("CONCAT", "("));
            for (int o = 0; o < operands.size(); o++) {
                if (o > 0) {
                    rewritten.add(",");
                }
                rewritten.addAll(pieces.subList(operands.get(o)[0], operands.get(o)[1]));
            }
            rewritten.add(")");
            int end = operands.get(operands.size() - 1)[1];
            pieces.subList(start, end).clear();
            stringy.subList(start, end).clear();
            pieces.addAll(start, rewritten);
            for (int n = 0; n < rewritten.size(); n++) {
                stringy.add(start, false);
            }
            stringy.set(start, true);
            i = start + rewritten.size() - 1;
        }
    }

    /** Where the operand ending at {@code last} starts, or -1 when it is not a simple one. */
    private static int operandStart(List<String> p, int last) {
        if (p.get(last).equals(")")) {
            int depth = 0;
            for (int k = last; k >= 0; k--) {
                depth += p.get(k).equals(")") ? 1 : p.get(k).equals("(") ? -1 : 0;
                if (depth == 0) {
                    return k > 0 && isOperandWord(p.get(k - 1)) ? k - 1 : k;
                }
            }
            return -1;
        }
        return isOperandWord(p.get(last)) ? last : -1;
    }

    /** Where the operand starting at {@code first} ends (exclusive), or -1. */
    private static int operandEnd(List<String> p, int first) {
        if (first >= p.size()) {
            return -1;
        }
        int k = first;
        if (isOperandWord(p.get(k)) && k + 1 < p.size() && p.get(k + 1).equals("(")) {
            k++;
        }
        if (p.get(k).equals("(")) {
            int depth = 0;
            for (; k < p.size(); k++) {
                depth += p.get(k).equals("(") ? 1 : p.get(k).equals(")") ? -1 : 0;
                if (depth == 0) {
                    return k + 1;
                }
            }
            return -1;
        }
        return isOperandWord(p.get(k)) ? k + 1 : -1;
    }

    private static boolean isOperandWord(String piece) {
        return !piece.isEmpty() && (piece.charAt(0) == '`' || piece.charAt(0) == '\'' || Character.isLetterOrDigit(piece.charAt(0)))
                && !KEYWORDS.contains(piece.toUpperCase(Locale.ROOT));
    }

    /**
     * The parts of a dotted name starting at token {@code i} ({@code server..table} gives an empty schema part);
     * {@code span} receives the tokens it covers.
     */
    private static List<String> multipart(List<SqlToken> t, int i, int[] span) {
        List<String> parts = new ArrayList<>();
        int j = i;
        boolean expectPart = true;
        int last = i;
        while (j < t.size()) {
            SqlToken tok = t.get(j);
            if (expectPart && tok.isName()) {
                parts.add(tok.name());
                expectPart = false;
                last = ++j;
            } else if (tok.is(".")) {
                if (expectPart) {
                    parts.add("");
                }
                expectPart = true;
                j++;
            } else {
                break;
            }
        }
        span[0] = i;
        span[1] = last;
        return parts.stream().allMatch(String::isEmpty) ? List.of() : parts;
    }

    private static boolean inFrom(List<SqlToken> sig, int i) {
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            SqlToken t = sig.get(j);
            if (t.is(")")) {
                depth++;
            } else if (t.is("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && (t.is("FROM") || t.is("JOIN"))) {
                return true;
            } else if (depth == 0 && (t.is("SELECT") || t.is("WHERE") || t.is("ON"))) {
                return false;
            }
        }
        return false;
    }

    private static boolean needsSpace(char last, String next) {
        if (next.isEmpty()) {
            return false;
        }
        char first = next.charAt(0);
        if (last == '(' || first == ')' || first == ',' || last == '.' || first == '.') {
            return false;
        }
        if (first == '(') {
            return !Character.isLetterOrDigit(last) && last != '`';
        }
        return true;
    }

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "AS", "JOIN", "INNER",
            "LEFT", "RIGHT", "OUTER", "CROSS", "ON", "GROUP", "BY", "ORDER", "HAVING", "UNION", "ALL", "DISTINCT", "CASE", "WHEN",
            "THEN", "ELSE", "END", "IS", "NULL", "IN", "LIKE", "BETWEEN", "EXISTS", "ASC", "DESC", "OVER", "PARTITION", "FULL");

    private static boolean isKeyword(SqlToken k) {
        return k.kind() == Kind.WORD && KEYWORDS.contains(k.upper());
    }
}
