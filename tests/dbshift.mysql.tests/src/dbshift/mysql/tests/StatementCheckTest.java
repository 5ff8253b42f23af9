package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.StatementCheck.Verdict;
import dbshift.core.project.ScriptValidator;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SharedServers;

/** The MySQL dry run judges statements on a real MySQL 8 without executing them. */
class StatementCheckTest {

    @Test
    void aSyntaxErrorIsInvalidAndAGoodStatementValidAndNothingIsCreated() throws Exception {
        EmbeddedMySql mysql = SharedServers.mySql();
        Dialect d = Dialects.require("mysql");
        try (Connection c = d.connect(new ConnectionSpec(mysql.jdbcUrl(""),
                mysql.user(), new char[0], null))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS dryrun");
            }
            assertEquals(Verdict.VALID, d.checkStatement(c, "CREATE TABLE `dryrun`.`t` (id int PRIMARY KEY)").verdict());
            var bad = d.checkStatement(c, "CREATE TABLE `dryrun`.`t2` (id nvarchar2 PRIMARY KEY)");
            assertEquals(Verdict.INVALID, bad.verdict());
            assertTrue(bad.message().toLowerCase().contains("syntax"), bad.message());
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'dryrun'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "a dry run must not create anything");
            }
            String script = "-- Phase: Tables\n\n-- [table] `dryrun`.`a`\nCREATE TABLE `dryrun`.`a` (id int);\n\n"
                    + "-- [table] `dryrun`.`b`\nCREATE TABLE `dryrun`.`b` (id int,,);\n";
            ScriptValidator.Result r = ScriptValidator.validate(script, d, c, null);
            assertEquals(2, r.statements());
            assertEquals(1, r.errors());
            assertEquals(7, r.problems().get(0).line(), r.problems().toString());
            assertEquals("table `dryrun`.`b`", r.problems().get(0).objectKey());
        }
    }
}
