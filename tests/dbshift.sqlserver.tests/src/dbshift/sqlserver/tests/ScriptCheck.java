package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/** Runs every statement of a script through {@link TSqlGrammar} and fails with each statement that does not parse. */
final class ScriptCheck {
    private ScriptCheck() {
    }

    /** Returns how many statements passed which way; fails the test on any statement that does not parse. */
    static Map<String, Integer> assertParses(String what, Script script) {
        return assertParses(what, script.statements().stream().map(ScriptStatement::sql).toList());
    }

    static Map<String, Integer> assertParses(String what, List<String> statements) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String sql : statements) {
            TSqlGrammar.Verdict v = TSqlGrammar.check(sql);
            if (v.ok()) {
                counts.merge(v.how(), 1, Integer::sum);
            } else {
                failures.add(v.error() + "\n    " + sql.replace("\n", "\n    "));
            }
        }
        System.out.println("T-SQL check of " + what + ": " + statements.size() + " statements, " + counts
                + (failures.isEmpty() ? "" : ", " + failures.size() + " FAILED"));
        assertTrue(failures.isEmpty(), what + ": " + failures.size() + " statement(s) do not parse:\n" + String.join("\n", failures));
        return counts;
    }
}
