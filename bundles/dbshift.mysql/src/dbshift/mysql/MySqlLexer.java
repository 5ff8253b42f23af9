package dbshift.mysql;

import java.util.ArrayList;
import java.util.List;

import dbshift.core.script.SqlToken;
import dbshift.core.script.SqlToken.Kind;

/**
 * Splits MySQL/MariaDB text into tokens for converters and renames that must tell names from strings and comments
 * (a database name inside a string literal is data, not a reference). Double quotes are strings, as in MySQL's
 * default sql_mode; backticks quote names.
 */
final class MySqlLexer {
    private MySqlLexer() {
    }

    static List<SqlToken> tokenize(String text) {
        List<SqlToken> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                out.add(new SqlToken(Kind.SPACE, text.substring(start, i), start, i, null));
            } else if (c == '#' || c == '-' && text.startsWith("-- ", i) || c == '-' && i + 2 == n && text.startsWith("--", i)
                    || c == '-' && text.startsWith("--\t", i) || c == '-' && text.startsWith("--\n", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                out.add(new SqlToken(Kind.COMMENT, text.substring(start, i), start, i, null));
            } else if (c == '/' && text.startsWith("/*", i) && !text.startsWith("/*!", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.add(new SqlToken(Kind.COMMENT, text.substring(start, i), start, i, null));
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '`') {
                        if (i + 1 < n && text.charAt(i + 1) == '`') {
                            name.append('`');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    name.append(d);
                    i++;
                }
                out.add(new SqlToken(Kind.QUOTED, text.substring(start, i), start, i, name.toString()));
            } else if (c == '\'' || c == '"') {
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\') {
                        i += 2;
                        continue;
                    }
                    if (d == c) {
                        if (i + 1 < n && text.charAt(i + 1) == c) {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                i = Math.min(i, n);
                out.add(new SqlToken(Kind.STRING, text.substring(start, i), start, i, null));
            } else if (Character.isDigit(c) && !(i > 0 && isWordChar(text.charAt(i - 1)))) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                // 1e3 is a number, 1abc a name: MySQL allows names that start with digits
                String t = text.substring(start, i);
                boolean number = t.matches("(0x[0-9a-fA-F]+|0b[01]+|[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?|[0-9]+\\.)");
                if (number) {
                    out.add(new SqlToken(Kind.NUMBER, t, start, i, null));
                } else {
                    i = start;
                    while (i < n && isWordChar(text.charAt(i))) {
                        i++;
                    }
                    out.add(new SqlToken(Kind.WORD, text.substring(start, i), start, i, text.substring(start, i)));
                }
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(new SqlToken(Kind.WORD, text.substring(start, i), start, i, text.substring(start, i)));
            } else {
                i++;
                out.add(new SqlToken(Kind.SYMBOL, text.substring(start, i), start, i, null));
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
