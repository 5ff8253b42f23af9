package dbshift.core.script;

/**
 * How a dialect writes a script as text and reads it back: statement terminators, batch separators (GO),
 * client DELIMITER switches for compound statements, and the object headers that tie each statement to its
 * object so that a reviewed script still reports per object.
 */
public interface ScriptSyntax {

    /** The whole script as a file a person reviews and the dialect's own client could run. */
    String render(Script script);

    /**
     * Splits script text (generated, then possibly edited) back into statements. Statements keep the object of the
     * header comment before them; text before any header belongs to the object {@code script}.
     */
    Script parse(String text);
}
