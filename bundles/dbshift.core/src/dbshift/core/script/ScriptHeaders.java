package dbshift.core.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment lines every dialect's script carries, so that a reviewed script still reports per object: a title
 * naming the target ({@code -- DBShift migration script (azure-mysql)}), phase headers ({@code -- Phase: Tables})
 * and object headers ({@code -- [table] `shop`.`orders`}). Written and read here for every dialect and the editor.
 */
public final class ScriptHeaders {
    public static final Pattern PHASE = Pattern.compile("^--\\s*Phase:\\s*(.+?)\\s*$");
    public static final Pattern OBJECT = Pattern.compile("^--\\s*\\[([a-z ]+)\\]\\s*(.+?)\\s*$");
    private static final String TITLE = "-- DBShift migration script (";
    private static final Pattern TITLE_LINE = Pattern.compile("\\A\\s*--\\s*DBShift migration script \\(([\\w.-]+)\\)");

    private ScriptHeaders() {
    }

    /** The two title lines; {@code unit} is what the dialect calls a piece of the script ("statement", "batch"). */
    public static void title(StringBuilder b, Script script, String unit) {
        b.append(TITLE).append(script.dialect()).append(")\n");
        b.append("-- Review and edit freely: each ").append(unit).append(" belongs to the object in the [header] above it.\n");
    }

    /** The target label the title names, so that a reviewed script read back keeps it; {@code fallback} without one. */
    public static String label(String text, String fallback) {
        Matcher m = TITLE_LINE.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }

    /** The headers {@code s} needs after {@code previous} (null for the first): its phase's when that changes, its object's. */
    public static void before(StringBuilder b, ScriptStatement previous, ScriptStatement s) {
        boolean newPhase = previous == null || previous.phase() != s.phase();
        if (newPhase) {
            b.append("\n-- Phase: ").append(s.phase().title()).append('\n');
        }
        if (newPhase || !previous.objectKey().equals(s.objectKey())) {
            b.append("\n-- [").append(s.objectType()).append("] ").append(s.objectName()).append('\n');
        }
    }

    /** The phase a header's title names, or {@code fallback} for a title no phase has. */
    public static Phase phase(String title, Phase fallback) {
        for (Phase p : Phase.values()) {
            if (p.title().equalsIgnoreCase(title)) {
                return p;
            }
        }
        return fallback;
    }
}
