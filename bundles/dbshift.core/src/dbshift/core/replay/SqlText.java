package dbshift.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Just enough lexing of a captured statement to judge it without a server: its first keyword, whether it orders
 * its result at the outermost level, where its literals are (for redaction and for grouping by shape). Strings
 * may use backslash escapes and {@code #} starts a comment (MySQL), or not (T-SQL, where {@code #} starts a temporary
 * table's name); quoted identifiers in backticks, double quotes or brackets
 * are skipped as names. Not a parser: what it cannot tell, replay leaves to the servers.
 */
public final class SqlText {
    /** A token of the statement: kind and its position in the text. */
    public record Token(Kind kind, int start, int end, String text) {
    }

    public enum Kind {
        WORD, STRING, NUMBER, QUOTED_NAME, SYMBOL, OPEN, CLOSE
    }

    private static final Set<String> NONDETERMINISTIC = Set.of("now", "sysdate", "current_timestamp", "curdate",
            "current_date", "curtime", "current_time", "utc_timestamp", "utc_date", "utc_time", "localtime",
            "localtimestamp", "rand", "uuid", "uuid_short", "connection_id", "last_insert_id", "getdate", "getutcdate",
            "sysdatetime", "sysutcdatetime", "newid", "unix_timestamp", "found_rows", "row_count");

    private final String sql;
    private final List<Token> tokens;

    private SqlText(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    public static SqlText of(String sql, boolean backslashEscapes) {
        return new SqlText(sql, lex(sql, backslashEscapes));
    }

    public List<Token> tokens() {
        return tokens;
    }

    public String sql() {
        return sql;
    }

    /** The first word, upper case (SELECT, WITH, CALL, …), or empty; a leading parenthesis is looked through. */
    public String firstKeyword() {
        for (Token t : tokens) {
            if (t.kind == Kind.WORD) {
                return t.text.toUpperCase(Locale.ROOT);
            }
            if (t.kind != Kind.OPEN) {
                return "";
            }
        }
        return "";
    }

    /** Whether a word occurs outside strings and names, e.g. {@code FOR UPDATE}'s UPDATE in a SELECT. */
    public boolean hasWord(String word) {
        return tokens.stream().anyMatch(t -> t.kind == Kind.WORD && t.text.equalsIgnoreCase(word));
    }

    /** Whether two words follow each other, e.g. INTO OUTFILE or FOR UPDATE. */
    public boolean hasWords(String first, String second) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind == Kind.WORD && tokens.get(i).text.equalsIgnoreCase(first)
                    && tokens.get(i + 1).kind == Kind.WORD && tokens.get(i + 1).text.equalsIgnoreCase(second)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the outermost query ends in ORDER BY (so its rows come in a defined order). */
    public boolean ordersResult() {
        int depth = 0;
        boolean ordered = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.OPEN) {
                depth++;
            } else if (t.kind == Kind.CLOSE) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t.kind == Kind.WORD) {
                if (t.text.equalsIgnoreCase("ORDER") && i + 1 < tokens.size() && tokens.get(i + 1).text.equalsIgnoreCase("BY")) {
                    ordered = true;
                } else if (t.text.equalsIgnoreCase("UNION") || t.text.equalsIgnoreCase("EXCEPT")
                        || t.text.equalsIgnoreCase("INTERSECT")) {
                    ordered = false; // an ORDER BY before a set operator ordered one branch only
                }
            }
        }
        return ordered;
    }

    /** The first function called that gives a different value per run or per session (NOW(), RAND(), …), or null. */
    public String nondeterministicCall() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.WORD && NONDETERMINISTIC.contains(t.text.toLowerCase(Locale.ROOT))) {
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).kind == Kind.OPEN;
                String lower = t.text.toLowerCase(Locale.ROOT);
                if (call || lower.startsWith("current_") || lower.startsWith("local") || lower.startsWith("utc_")) {
                    return t.text.toUpperCase(Locale.ROOT) + (call ? "()" : "");
                }
            }
        }
        return null;
    }

    /** The statement with every literal replaced by {@code ?} and spacing made uniform: its shape, for grouping. */
    public String shape() {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            String piece = switch (t.kind) {
                case STRING, NUMBER -> "?";
                case WORD -> t.text.toUpperCase(Locale.ROOT);
                default -> t.text;
            };
            if (!b.isEmpty() && needsSpace(b.charAt(b.length() - 1), piece.charAt(0))) {
                b.append(' ');
            }
            b.append(piece);
        }
        return b.toString();
    }

    private static boolean needsSpace(char before, char next) {
        return before != '(' && next != ')' && next != ',' && before != '.' && next != '.';
    }

    private static List<Token> lex(String s, boolean backslashEscapes) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '#' && backslashEscapes) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || (c == 'N' || c == 'n') && i + 1 < n && s.charAt(i + 1) == '\'') {
                int start = i;
                i = endOfQuoted(s, c == '\'' ? i : i + 1, '\'', backslashEscapes);
                out.add(new Token(Kind.STRING, start, i, s.substring(start, i)));
            } else if (c == '"' && backslashEscapes) {
                // MySQL without ANSI_QUOTES: a string
                int start = i;
                i = endOfQuoted(s, i, '"', true);
                out.add(new Token(Kind.STRING, start, i, s.substring(start, i)));
            } else if (c == '`' || c == '"' || c == '[') {
                int start = i;
                i = endOfQuoted(s, i, c == '[' ? ']' : c, false);
                out.add(new Token(Kind.QUOTED_NAME, start, i, s.substring(start, i)));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).kind != Kind.WORD && out.get(out.size() - 1).kind != Kind.QUOTED_NAME)) {
                int start = i;
                if (c == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                    i += 2;
                    while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                        i++;
                    }
                } else {
                    while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        i++;
                    }
                    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                        int j = i + 1;
                        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                            j++;
                        }
                        if (j < n && Character.isDigit(s.charAt(j))) {
                            i = j;
                            while (i < n && Character.isDigit(s.charAt(i))) {
                                i++;
                            }
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, start, i, s.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '$' || c == '#') {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '@'
                        || s.charAt(i) == '$' || s.charAt(i) == '#')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, start, i, s.substring(start, i)));
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, i, i + 1, "("));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, i, i + 1, ")"));
                i++;
            } else {
                out.add(new Token(Kind.SYMBOL, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /** The index after the closing quote (doubled quotes, and backslash escapes where the engine has them). */
    private static int endOfQuoted(String s, int open, char close, boolean backslashEscapes) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == close) {
                if (i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }
}
