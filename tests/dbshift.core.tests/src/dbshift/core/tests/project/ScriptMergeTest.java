package dbshift.core.tests.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dbshift.core.project.ScriptMerge;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/** Reviewed edits survive a regeneration where the object did not change, and are flagged where it did. */
class ScriptMergeTest {
    private static ScriptStatement t(String name, String sql) {
        return new ScriptStatement(Phase.TABLES, "table", "`s`.`" + name + "`", sql);
    }

    private static Script script(ScriptStatement... s) {
        return new Script("mysql", List.of(s));
    }

    private static String sqlOf(Script s, String name) {
        return ScriptMerge.statementsOf(s, "table `s`.`" + name + "`").stream().map(ScriptStatement::sql).reduce("", String::concat);
    }

    @Test
    void untouchedObjectsTakeTheNewDefinition() {
        Script base = script(t("a", "CREATE TABLE a (x int)"));
        Script regenerated = script(t("a", "CREATE TABLE a (x bigint)"));
        ScriptMerge.Result r = ScriptMerge.merge(base, base, regenerated, Set.of());
        assertEquals("CREATE TABLE a (x bigint)", sqlOf(r.script(), "a"));
        assertTrue(r.conflicts().isEmpty() && r.keptEdits().isEmpty());
    }

    @Test
    void anEditSurvivesWhenTheObjectDidNotChangeAndIsFlaggedWhenItDid() {
        Script base = script(t("a", "CREATE TABLE a (x int)"), t("b", "CREATE TABLE b (y int)"));
        Script reviewed = script(t("a", "CREATE TABLE a (x int) COMMENT 'mine'"), t("b", "CREATE TABLE b (y int) COMMENT 'mine too'"));
        Script regenerated = script(t("a", "CREATE TABLE a (x int)"), t("b", "CREATE TABLE b (y bigint)"), t("c", "CREATE TABLE c (z int)"));
        ScriptMerge.Result r = ScriptMerge.merge(base, reviewed, regenerated, Set.of());
        assertEquals("CREATE TABLE a (x int) COMMENT 'mine'", sqlOf(r.script(), "a"));
        assertEquals(List.of("table `s`.`a`"), r.keptEdits());
        assertEquals("CREATE TABLE b (y int) COMMENT 'mine too'", sqlOf(r.script(), "b"), "the edit is kept, not lost");
        assertEquals(List.of("table `s`.`b`"), r.conflicts());
        assertEquals("CREATE TABLE c (z int)", sqlOf(r.script(), "c"));
        assertEquals(List.of("table `s`.`c`"), r.added());
    }

    @Test
    void statementsTheReviewerAddedStayAfterTheirNeighbourAndExcludedObjectsGo() {
        ScriptStatement mine = new ScriptStatement(Phase.TABLES, "script", "script", "INSERT INTO a VALUES (1)");
        Script base = script(t("a", "CREATE TABLE a (x int)"), t("b", "CREATE TABLE b (y int)"));
        Script reviewed = script(t("a", "CREATE TABLE a (x int)"), mine, t("b", "CREATE TABLE b (y int) -- edited"));
        Script regenerated = script(t("a", "CREATE TABLE a (x int)"));
        ScriptMerge.Result r = ScriptMerge.merge(base, reviewed, regenerated, Set.of("table `s`.`b`"));
        assertEquals(List.of("CREATE TABLE a (x int)", "INSERT INTO a VALUES (1)"),
                r.script().statements().stream().map(ScriptStatement::sql).toList());
        assertTrue(r.conflicts().isEmpty(), r.conflicts().toString());
    }

    @Test
    void whitespaceAloneIsNoEdit() {
        Script base = script(t("a", "CREATE TABLE a (x int)"));
        Script reviewed = script(t("a", "CREATE TABLE a (x int)   \n"));
        Script regenerated = script(t("a", "CREATE TABLE a (x bigint)"));
        ScriptMerge.Result r = ScriptMerge.merge(base, reviewed, regenerated, Set.of());
        assertEquals("CREATE TABLE a (x bigint)", sqlOf(r.script(), "a"));
    }
}
