package dbshift.ui.editor;

import java.util.List;
import java.util.Set;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * Colours SQL: keywords, strings, quoted identifiers, numbers, comments, and DBShift's object and phase headers
 * (which tie statements to their objects) so that a reviewer sees where each object starts.
 */
public final class SqlScanner extends RuleBasedScanner {
    static final Set<String> KEYWORDS = Set.of("ADD", "AFTER", "ALGORITHM", "ALL", "ALTER", "AND", "AS", "ASC", "AUTO_INCREMENT",
            "BEFORE", "BEGIN", "BETWEEN", "BY", "CALL", "CASCADE", "CASE", "CHARACTER", "CHARSET", "CHECK", "COLLATE", "COLUMN",
            "COMMENT", "CONSTRAINT", "CREATE", "CURRENT_TIMESTAMP", "DATABASE", "DECLARE", "DEFAULT", "DEFINER", "DELETE",
            "DELIMITER", "DESC", "DETERMINISTIC", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "ELSEIF", "END", "ENGINE", "EVENT",
            "EVERY", "EXISTS", "FOR", "FOREIGN", "FROM", "FULLTEXT", "FUNCTION", "GENERATED", "GRANT", "GROUP", "HAVING", "IF", "IN",
            "INDEX", "INNER", "INSERT", "INTO", "INVOKER", "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "MODIFIES", "NOT", "NULL",
            "ON", "OR", "ORDER", "OUT", "INOUT", "PRIMARY", "PROCEDURE", "READS", "REFERENCES", "REPLACE", "RESTRICT", "RETURN",
            "RETURNS", "RIGHT", "ROW", "SCHEDULE", "SECURITY", "SELECT", "SET", "SPATIAL", "SQL", "STARTS", "STORED", "TABLE",
            "THEN", "TO", "TRIGGER", "UNION", "UNIQUE", "UNSIGNED", "UPDATE", "USE", "USER", "USING", "VALUES", "VIEW", "VIRTUAL",
            "WHEN", "WHERE", "WHILE", "WITH", "ZEROFILL", "GO", "IDENTITY", "CLUSTERED", "NONCLUSTERED", "EXEC", "SCHEMA");

    public SqlScanner() {
        IToken keyword = token(new RGB(127, 0, 85), SWT.BOLD);
        IToken string = token(new RGB(42, 0, 255), SWT.NORMAL);
        IToken identifier = token(new RGB(128, 64, 0), SWT.NORMAL);
        IToken comment = token(new RGB(63, 127, 95), SWT.NORMAL);
        IToken header = token(new RGB(0, 96, 160), SWT.BOLD);
        IToken number = token(new RGB(0, 128, 128), SWT.NORMAL);
        WordRule words = new WordRule(new IWordDetector() {
            @Override
            public boolean isWordStart(char c) {
                return Character.isLetter(c) || c == '_';
            }

            @Override
            public boolean isWordPart(char c) {
                return Character.isLetterOrDigit(c) || c == '_' || c == '$';
            }
        }, new Token(null), true); // other words are consumed whole, so that "utf8mb4" shows no number inside
        KEYWORDS.forEach(k -> words.addWord(k, keyword));
        setRules(List.<IRule>of(
                new EndOfLineRule("-- [", header),
                new EndOfLineRule("-- Phase:", header),
                new EndOfLineRule("--", comment),
                new EndOfLineRule("#", comment),
                new MultiLineRule("/*", "*/", comment),
                new SingleLineRule("'", "'", string, '\\', false, true),
                new SingleLineRule("\"", "\"", identifier, '\\'),
                new SingleLineRule("`", "`", identifier),
                new SingleLineRule("[", "]", identifier),
                words,
                new NumberRule(number),
                new WhitespaceRule(Character::isWhitespace)).toArray(new IRule[0]));
    }

    private static IToken token(RGB rgb, int style) {
        return new Token(new TextAttribute(new Color(Display.getDefault(), rgb), null, style));
    }
}
