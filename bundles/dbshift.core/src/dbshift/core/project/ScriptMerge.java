package dbshift.core.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/**
 * Brings a reviewed script up to date with a regenerated one, object by object, like a three-way merge with the
 * previously generated script as the base:
 * <ul>
 * <li>an object the reviewer did not touch takes the regenerated statements;</li>
 * <li>an object the reviewer edited (or deleted) keeps the edit when the regenerated statements equal the base;</li>
 * <li>an object edited <em>and</em> regenerated differently keeps the edit and is reported as a conflict;</li>
 * <li>statements the reviewer added under objects of their own stay where they were.</li>
 * </ul>
 */
public final class ScriptMerge {

    /** The merged script and what happened to which object (object keys). */
    public record Result(Script script, List<String> keptEdits, List<String> conflicts, List<String> added,
            List<String> removed) {
        public boolean hasConflicts() {
            return !conflicts.isEmpty();
        }
    }

    private ScriptMerge() {
    }

    /**
     * @param base the script as generated last time (what the reviewer started from), or null for a first generation
     * @param reviewed the reviewed script as saved, or null
     * @param regenerated the script generated now
     * @param excluded object keys the reviewer left out: they are dropped whatever was edited
     */
    public static Result merge(Script base, Script reviewed, Script regenerated, Set<String> excluded) {
        if (base == null || reviewed == null) {
            return new Result(regenerated, List.of(), List.of(), List.copyOf(regenerated.byObject().keySet()), List.of());
        }
        Map<String, List<ScriptStatement>> b = base.byObject();
        Map<String, List<ScriptStatement>> r = reviewed.byObject();
        Map<String, List<ScriptStatement>> g = regenerated.byObject();
        List<String> kept = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<ScriptStatement>> out = new LinkedHashMap<>();

        for (var e : g.entrySet()) {
            String key = e.getKey();
            List<ScriptStatement> gen = e.getValue();
            List<ScriptStatement> was = b.get(key);
            List<ScriptStatement> rev = r.get(key);
            if (was == null) {
                if (rev != null && !same(rev, gen)) {
                    // the reviewer wrote this object by hand before the generator produced it
                    out.put(key, rev);
                    conflicts.add(key);
                } else {
                    out.put(key, gen);
                    added.add(key);
                }
                continue;
            }
            boolean edited = !same(rev, was);
            if (!edited) {
                out.put(key, gen);
            } else {
                if (rev != null) {
                    out.put(key, rev);
                }
                (same(was, gen) ? kept : conflicts).add(key);
            }
        }
        // objects of the reviewed script the generator no longer makes
        String previous = null;
        List<Map.Entry<String, List<ScriptStatement>>> inserts = new ArrayList<>();
        for (var e : r.entrySet()) {
            String key = e.getKey();
            if (!g.containsKey(key) && !excluded.contains(key)) {
                if (!b.containsKey(key)) {
                    inserts.add(Map.entry(previous == null ? "" : previous, e.getValue())); // the reviewer's own
                } else if (!same(e.getValue(), b.get(key))) {
                    inserts.add(Map.entry(previous == null ? "" : previous, e.getValue()));
                    conflicts.add(key);
                } else {
                    removed.add(key);
                }
            }
            previous = key;
        }
        for (String key : b.keySet()) {
            if (!g.containsKey(key) && !r.containsKey(key) && !removed.contains(key)) {
                removed.add(key);
            }
        }
        List<ScriptStatement> statements = new ArrayList<>();
        for (var insert : inserts) {
            if (insert.getKey().isEmpty()) {
                statements.addAll(insert.getValue());
            }
        }
        for (var e : out.entrySet()) {
            statements.addAll(e.getValue());
            for (var insert : inserts) {
                if (insert.getKey().equals(e.getKey())) {
                    statements.addAll(insert.getValue());
                }
            }
        }
        // inserts after an object that is gone now go at the end
        for (var insert : inserts) {
            if (!insert.getKey().isEmpty() && !out.containsKey(insert.getKey())) {
                statements.addAll(insert.getValue());
            }
        }
        return new Result(new Script(regenerated.dialect(), statements), kept, conflicts, added, removed);
    }

    /** The statements of one object in a script (empty when it has none). */
    public static List<ScriptStatement> statementsOf(Script script, String key) {
        return script == null ? List.of() : script.statements().stream().filter(s -> s.objectKey().equals(key)).toList();
    }

    /** Replaces (or adds at the end) the statements of one object: what "take the regenerated statements" does. */
    public static Script replace(Script script, String key, List<ScriptStatement> with) {
        List<ScriptStatement> out = new ArrayList<>();
        boolean placed = false;
        for (ScriptStatement s : script.statements()) {
            if (s.objectKey().equals(key)) {
                if (!placed) {
                    out.addAll(with);
                    placed = true;
                }
            } else {
                out.add(s);
            }
        }
        if (!placed) {
            out.addAll(with);
        }
        return new Script(script.dialect(), out);
    }

    static boolean same(List<ScriptStatement> a, List<ScriptStatement> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(normal(a.get(i).sql()), normal(b.get(i).sql()))) {
                return false;
            }
        }
        return true;
    }

    /** Line endings and trailing blanks are not edits. */
    private static String normal(String sql) {
        return sql == null ? null : sql.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").strip();
    }
}
