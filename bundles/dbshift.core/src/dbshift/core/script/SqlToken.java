package dbshift.core.script;

import java.util.Locale;

/**
 * One token of SQL text as a dialect's lexer splits it ({@link dbshift.core.engine.Dialect#tokenize}), with its
 * place in the text. Lets a converter into one engine read expressions and view queries the model carries in the
 * source engine's syntax without knowing that engine's lexer.
 *
 * @param name the identifier a WORD or QUOTED token names, without its quotes (null for other kinds)
 */
public record SqlToken(Kind kind, String text, int start, int end, String name) {

    public enum Kind {
        WORD, QUOTED, STRING, NUMBER, BINARY, SYMBOL, COMMENT, SPACE
    }

    /** A keyword, word or symbol spelled {@code word}, in any case. */
    public boolean is(String word) {
        return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
    }

    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** Neither a comment nor white space. */
    public boolean significant() {
        return kind != Kind.COMMENT && kind != Kind.SPACE;
    }
}
