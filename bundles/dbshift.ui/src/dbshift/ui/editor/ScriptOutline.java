package dbshift.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import dbshift.core.script.ScriptHeaders;

/**
 * The structure of a script from its headers: phases ({@code -- Phase: Tables}) holding objects
 * ({@code -- [table] `shop`.`orders`}), each with the offset of its header line. Read from the text so that it
 * follows the reviewer's edits as they type.
 */
public final class ScriptOutline {
    /** A phase or an object of the outline. */
    public record Item(String label, String type, String objectKey, int offset, int line, List<Item> children) {
        public boolean isPhase() {
            return objectKey == null;
        }
    }

    private ScriptOutline() {
    }

    public static List<Item> read(String text) {
        List<Item> phases = new ArrayList<>();
        Item phase = null;
        int offset = 0;
        int line = 1;
        for (String l : text.split("\n", -1)) {
            String t = l.strip();
            Matcher p = ScriptHeaders.PHASE.matcher(t);
            Matcher o = ScriptHeaders.OBJECT.matcher(t);
            if (p.matches()) {
                phase = new Item(p.group(1), null, null, offset, line, new ArrayList<>());
                phases.add(phase);
            } else if (o.matches()) {
                if (phase == null) {
                    phase = new Item("Script", null, null, 0, 1, new ArrayList<>());
                    phases.add(phase);
                }
                phase.children().add(new Item(o.group(2), o.group(1), o.group(1) + " " + o.group(2), offset, line, List.of()));
            }
            offset += l.length() + 1;
            line++;
        }
        return phases;
    }
}
