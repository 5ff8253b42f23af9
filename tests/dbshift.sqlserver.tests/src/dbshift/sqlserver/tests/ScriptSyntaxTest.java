package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;
import dbshift.core.script.ScriptSyntax;

/** A rendered script read back is the same script, down to the target it was written for. */
class ScriptSyntaxTest {

    @Test
    void mySqlScriptReadBackKeepsItsStatementsAndItsTarget() {
        Script script = new Script("azure-mysql", List.of(
                new ScriptStatement(Phase.TABLES, "table", "`s`.`t`", "CREATE TABLE `s`.`t` (`id` INT PRIMARY KEY)"),
                new ScriptStatement(Phase.ROUTINES, "procedure", "`s`.`p`", "CREATE PROCEDURE `s`.`p`() BEGIN SELECT 1; SELECT 2; END")));
        ScriptSyntax syntax = Dialects.require("mysql").scriptSyntax();
        assertEquals(script, syntax.parse(syntax.render(script)));
        assertEquals("mysql", syntax.parse("CREATE TABLE t (x INT);").dialect(), "a hand-written script gets the dialect's name");
    }

    @Test
    void tSqlScriptReadBackKeepsItsStatementsAndItsTarget() {
        Script script = new Script("azure-sql-db", List.of(
                new ScriptStatement(Phase.TABLES, "table", "[s].[t]", "CREATE TABLE [s].[t] ([id] int NOT NULL PRIMARY KEY)"),
                new ScriptStatement(Phase.VIEWS, "view", "[s].[v]", "CREATE VIEW [s].[v] AS SELECT [id] FROM [s].[t]")));
        ScriptSyntax syntax = Dialects.require("sqlserver").scriptSyntax();
        assertEquals(script, syntax.parse(syntax.render(script)));
        assertEquals("sqlserver", syntax.parse("CREATE TABLE t (x int)\nGO\n").dialect());
    }
}
