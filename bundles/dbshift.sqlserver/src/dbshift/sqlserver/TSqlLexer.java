package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits T-SQL text into tokens, keeping each token's place in the text so that callers can cut out the original
 * spelling of an expression or a module body. Knows T-SQL's lexical rules: {@code [bracketed]} and
 * {@code "quoted"} identifiers with doubled closing quotes, {@code N'…'} strings with doubled quotes, nested
 * {@code /* *}{@code /} comments, {@code --} comments, {@code 0x} binary literals, {@code @variables} and
 * {@code #temp} names.
 */
final class TSqlLexer {

    enum Kind {
        WORD, QUOTED, STRING, NUMBER, BINARY, SYMBOL, COMMENT, SPACE
    }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** The identifier this token names, without its quotes. */
        String name() {
            return kind == Kind.QUOTED ? SqlServerQuoting.unquote(text) : text;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean significant() {
            return kind != Kind.COMMENT && kind != Kind.SPACE;
        }
    }

    private TSqlLexer() {
    }

    /** Every token including comments and white space. An unterminated string or comment runs to the end. */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                kind = Kind.COMMENT;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < n) {
                    if (text.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                kind = Kind.COMMENT;
            } else if (c == '[') {
                i = closing(text, i + 1, ']');
                kind = Kind.QUOTED;
            } else if (c == '"') {
                i = closing(text, i + 1, '"');
                kind = Kind.QUOTED;
            } else if (c == '\'') {
                i = closing(text, i + 1, '\'');
                kind = Kind.STRING;
            } else if ((c == 'N' || c == 'n') && i + 1 < n && text.charAt(i + 1) == '\'') {
                i = closing(text, i + 2, '\'');
                kind = Kind.STRING;
            } else if (c == '0' && i + 1 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
                i += 2;
                while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                    i++;
                }
                kind = Kind.BINARY;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(text.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                }
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || "_@#$".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
                i++;
                if (i < n && isTwoCharSymbol(c, text.charAt(i))) {
                    i++;
                }
                kind = Kind.SYMBOL;
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        return tokens;
    }

    private static boolean isTwoCharSymbol(char a, char b) {
        String s = "" + a + b;
        return switch (s) {
            case "::", "<=", ">=", "<>", "!=", "!<", "!>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=" -> true;
            default -> false;
        };
    }

    /** The index after the closing quote, where a doubled quote is part of the text. */
    private static int closing(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /**
     * Where the text is not balanced, or null: a string, quoted identifier or block comment still open at the end
     * of the text, or a parenthesis that is never closed or closes nothing. A script reader asks this of each batch
     * so that a forgotten quote is reported at its batch's {@code GO} instead of swallowing what follows.
     */
    static Imbalance imbalance(String text) {
        List<Integer> open = new ArrayList<>();
        for (Token t : tokenize(text)) {
            switch (t.kind()) {
                case STRING -> {
                    if (!closedQuote(t.text(), t.text().indexOf('\''), '\'')) {
                        return new Imbalance(t.start(), "the string that starts here is not closed (a quote is missing)");
                    }
                }
                case QUOTED -> {
                    char close = t.text().charAt(0) == '[' ? ']' : '"';
                    if (!closedQuote(t.text(), 0, close)) {
                        return new Imbalance(t.start(), close == ']' ? "the [bracketed name that starts here is not closed"
                                : "the \"double-quoted\" name or string that starts here is not closed");
                    }
                }
                case COMMENT -> {
                    if (t.text().startsWith("/*") && !closedComment(t.text())) {
                        return new Imbalance(t.start(), "the /* comment that starts here is not closed with */");
                    }
                }
                case SYMBOL -> {
                    if (t.text().equals("(")) {
                        open.add(t.start());
                    } else if (t.text().equals(")")) {
                        if (open.isEmpty()) {
                            return new Imbalance(t.start(), "this ')' closes no '('");
                        }
                        open.remove(open.size() - 1);
                    }
                }
                default -> {
                    // words, numbers, white space
                }
            }
        }
        return open.isEmpty() ? null : new Imbalance(open.get(open.size() - 1), "the '(' here is never closed");
    }

    /** An unbalanced place in a text: its offset and what is wrong there. */
    record Imbalance(int offset, String problem) {
    }

    /** Whether the quoted token, whose opening quote is at {@code open}, ends with its single closing quote. */
    private static boolean closedQuote(String token, int open, char close) {
        int i = open + 1;
        while (i < token.length()) {
            if (token.charAt(i) == close) {
                if (i + 1 < token.length() && token.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i == token.length() - 1;
            }
            i++;
        }
        return false;
    }

    private static boolean closedComment(String token) {
        int depth = 0;
        for (int i = 0; i + 1 < token.length(); i++) {
            if (token.startsWith("/*", i)) {
                depth++;
                i++;
            } else if (token.startsWith("*/", i)) {
                depth--;
                i++;
            }
        }
        return depth == 0;
    }

    /** Tokens without comments and white space. */
    static List<Token> significant(String text) {
        return tokenize(text).stream().filter(Token::significant).toList();
    }
}
