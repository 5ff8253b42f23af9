package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.sqlserver.SqlServerTypes;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/**
 * SAP ASE (Sybase) to SQL Server and Azure SQL Database, from a ddlgen script (no ASE server can run here): the
 * ASE DDL is read, ASE types map to T-SQL ones, modules SQL Server would refuse are reported instead of scripted,
 * and every statement of the resulting script parses with the independent T-SQL grammar.
 */
class SybaseToSqlServerTest {
    private static final Catalog ASE = Dialects.require("sybase").scriptReader().orElseThrow()
            .read(Resources.text("ase-ddlgen.sql"), "dbo");

    @Test
    void readsTheDdlgenScript() {
        assertEquals("sybase", ASE.dialect());
        assertEquals(List.of(), ASE.problems());
        Table accounts = ASE.table(QualifiedName.of("dbo", "accounts")).orElseThrow();
        assertEquals("univarchar(100)", accounts.column("owner_name").orElseThrow().type().toString());
        assertEquals("unsigned_int", accounts.column("flags").orElseThrow().type().name());
        assertEquals(new Column.Identity(1, 1), accounts.column("account_id").orElseThrow().identity());
        assertEquals("pk_accounts", accounts.primaryKey().name());
        assertEquals(2, ASE.schema("dbo").orElseThrow().types().size());
        assertEquals(2, ASE.schema("dbo").orElseThrow().views().size());
        assertEquals(1, ASE.schema("dbo").orElseThrow().routines().size());
        assertEquals(1, ASE.schema("dbo").orElseThrow().triggers().size());
        assertEquals("trading", ASE.setting("database"));
    }

    @Test
    void aseTypesBecomeTSqlTypes() {
        Migration m = Migration.offline(ASE, "ase-ddlgen.sql", null, Dialects.targetKind("sqlserver"), MigrationOptions.defaults());
        Table t = m.convert().catalog().table(QualifiedName.of("dbo", "accounts")).orElseThrow();
        Map<String, String> types = t.columns().stream().collect(Collectors.toMap(Column::name, c -> SqlServerTypes.render(c.type())));
        assertEquals("numeric(10, 0)", types.get("account_id"));
        assertEquals("nvarchar(100)", types.get("owner_name"));
        assertEquals("nchar(8)", types.get("nick"));
        assertEquals("datetime2(6)", types.get("opened_precise"));
        assertEquals("time(6)", types.get("cutoff"));
        assertEquals("time(3)", types.get("lunch"));
        assertEquals("bigint", types.get("flags"));
        assertEquals("decimal(20, 0)", types.get("big_flags"));
        assertEquals("varchar(max)", types.get("notes"));
        assertEquals("nvarchar(max)", types.get("bio"));
        assertEquals("varbinary(max)", types.get("photo"));
        assertEquals("rowversion", types.get("version"));
        assertEquals("varchar(max)", types.get("long_note"));
        assertEquals("[dbo].[ssn_type]", types.get("ssn"));
        assertEquals("nvarchar(40)", SqlServerTypes.render(m.convert().catalog().schema("dbo").orElseThrow().types().stream()
                .filter(u -> u.name().name().equals("uname")).findFirst().orElseThrow().baseType()));
    }

    @Test
    void modulesSqlServerWouldRefuseAreReportedNotScripted() {
        Migration m = Migration.offline(ASE, "ase-ddlgen.sql", null, Dialects.targetKind("azure-sql-db"), MigrationOptions.defaults());
        List<Finding> findings = m.assess();
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("SYBASE-OUTER-JOIN") && f.object().contains("open_positions")),
                findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("SYBASE-RAISERROR") && f.object().contains("close_account")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("SYBASE-PRINT-FORMAT") && f.object().contains("close_account")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("SYBASE-MODULE") && f.severity() == Severity.INFO
                && f.object().contains("trg_trades_ins")));
        Script script = m.script();
        String text = script.statements().stream().map(ScriptStatement::sql).collect(Collectors.joining("\n"));
        assertFalse(text.contains("open_positions"), "a view with *= is not scripted");
        assertFalse(text.contains("close_account"), "a procedure with ASE-only syntax is not scripted");
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("create view [dbo].[big_trades]"), text);
        assertTrue(lower.contains("create trigger [dbo].[trg_trades_ins] on [dbo].[trades]"), text);
        assertTrue(text.contains("[account_id] numeric(10, 0) IDENTITY(1, 1) NOT NULL"), "identity columns are NOT NULL");
        assertTrue(text.contains("ALTER TABLE [dbo].[trades] ADD CONSTRAINT [fk_trades_accounts] FOREIGN KEY"), text);
        assertTrue(text.contains("CREATE UNIQUE NONCLUSTERED INDEX [ux_trades_symbol] ON [dbo].[trades] ([symbol], [traded_at] DESC)"), text);
        assertFalse(text.toLowerCase().contains("lock datarows") || text.contains("'default'"), "ASE storage clauses are gone");
        ScriptCheck.assertParses("ASE ddlgen script for Azure SQL Database", script);
    }
}
