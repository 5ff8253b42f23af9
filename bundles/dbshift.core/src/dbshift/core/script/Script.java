package dbshift.core.script;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashMap;

/** A migration script: statements in execution order, for one target dialect. */
public record Script(String dialect, List<ScriptStatement> statements) {

    public Script {
        statements = List.copyOf(statements);
    }

    public List<ScriptStatement> inPhase(Phase phase) {
        return statements.stream().filter(s -> s.phase() == phase).toList();
    }

    /** Statements grouped by object, in order of first appearance. */
    public Map<String, List<ScriptStatement>> byObject() {
        Map<String, List<ScriptStatement>> map = new LinkedHashMap<>();
        for (ScriptStatement s : statements) {
            map.computeIfAbsent(s.objectKey(), k -> new java.util.ArrayList<>()).add(s);
        }
        return map;
    }

    public Map<Phase, Integer> countByPhase() {
        Map<Phase, Integer> counts = new TreeMap<>();
        statements.forEach(s -> counts.merge(s.phase(), 1, Integer::sum));
        return counts;
    }

    public Script without(Phase phase) {
        return new Script(dialect, statements.stream().filter(s -> s.phase() != phase).toList());
    }
}
