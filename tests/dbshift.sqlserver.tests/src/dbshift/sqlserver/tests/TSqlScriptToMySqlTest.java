package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.embedded.SharedServers;

/**
 * A T-SQL schema script read offline, converted for MySQL 8 and deployed to the real MySQL 8 fixture creates every
 * table, key and index it declares; what MySQL cannot have (columnstore indexes, T-SQL modules, sequences,
 * synonyms) is a finding instead.
 */
class TSqlScriptToMySqlTest {

    @Test
    void everyTableKeyAndIndexOfTheScriptExistsOnMySql() throws SQLException {
        // a view as people write them: '+' between strings and numbers, a table named without its schema
        Catalog source = Resources.readTSql(Resources.text("sales.sql") + "\nGO\nCREATE VIEW sales.CustomerLabels AS "
                + "SELECT c.CustomerID, c.Name + ' (' + c.Country + ')' AS Label, c.CustomerID + 1 AS NextID, "
                + "UPPER(c.Country) + '-' + c.Name AS Code FROM Customers AS c WHERE c.IsActive = 1\nGO\n");
        Servers.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `sales`", "DROP DATABASE IF EXISTS `hr`",
                "DROP DATABASE IF EXISTS `SalesDb`");
        Endpoint target = Servers.endpoint(SharedServers.mySqlTarget());
        Migration m = Migration.offline(source, "sales.sql", target, Dialects.targetKind("mysql"),
                MigrationOptions.defaults().withContinueOnError(true));
        List<Finding> findings = m.assess();
        Script plan = m.plan();
        assertTrue(m.deploy(plan, java.util.EnumSet.allOf(Phase.class), "schema"), () -> m.run().statements().stream()
                .filter(s -> s.status() == Status.FAILED).map(s -> s.error() + "\n" + s.sql()).collect(Collectors.joining("\n")));

        Catalog live;
        try (Connection c = target.open()) {
            live = target.dialect().catalogReader().orElseThrow().read(c, List.of("sales", "hr", "SalesDb"), false);
        }
        int tables = 0;
        int keys = 0;
        int indexes = 0;
        for (Table t : source.tables()) {
            QualifiedName name = m.convert().targetName(t.name());
            Table there = live.table(name).orElseThrow(() -> new AssertionError("table " + name + " is not on MySQL"));
            tables++;
            if (t.hasPrimaryKey()) {
                assertEquals(t.primaryKey().columnNames(), there.primaryKey().columnNames(), "primary key of " + name);
                keys++;
            }
            Set<String> fks = there.foreignKeys().stream().map(ForeignKey::columns).map(Object::toString).collect(Collectors.toSet());
            for (ForeignKey fk : t.foreignKeys()) {
                assertTrue(fks.contains(fk.columns().toString()), "foreign key " + fk.name() + " of " + name + ": " + there.foreignKeys());
                keys++;
            }
            Set<String> names = there.indexes().stream().map(i -> i.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (Index i : t.indexes()) {
                if (i.kind() == Index.Kind.CLUSTERED_COLUMNSTORE || i.kind() == Index.Kind.NONCLUSTERED_COLUMNSTORE) {
                    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CONVERT-COLUMNSTORE") && f.object().contains(i.name())),
                            "columnstore index " + i.name() + " is reported");
                    continue;
                }
                assertTrue(names.contains(i.name().toLowerCase(Locale.ROOT)), "index " + i.name() + " of " + name + ": " + names);
                indexes++;
            }
            assertEquals(t.checks().size(), there.checks().size(), "checks of " + name);
            assertEquals(t.columns().size(), there.columns().size(), "columns of " + name);
        }
        assertEquals(6, tables);
        assertEquals(8, keys, "5 primary and 3 foreign keys");
        assertEquals(5, indexes, "every index but the two columnstore ones");
        // the views translated to MySQL exist and work
        assertEquals(Set.of("ActiveCustomers", "BigOrders", "TopCustomers", "CustomerLabels"),
                live.schema("sales").orElseThrow().views().stream().map(v -> v.name().name()).collect(Collectors.toSet()));
        assertFalse(live.schema("SalesDb").orElseThrow().views().isEmpty());
        Servers.execute(SharedServers.mySqlTarget(), "SELECT * FROM `sales`.`TopCustomers`");
        // each translated view is created and gives T-SQL's answer on MySQL, queried from another database
        Servers.execute(SharedServers.mySqlTarget(), "INSERT INTO `sales`.`Customers` (`Name`, `Country`, `ExternalKey`) "
                + "VALUES ('Ann', 'FR', UUID())");
        try (Connection c = target.open(); java.sql.Statement st = c.createStatement()) {
            st.execute("USE `hr`");
            for (String view : List.of("ActiveCustomers", "BigOrders", "TopCustomers", "CustomerLabels")) {
                st.executeQuery("SELECT * FROM `sales`.`" + view + "`").close();
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT `Label`, `NextID`, `CustomerID`, `Code` FROM `sales`.`CustomerLabels`")) {
                assertTrue(rs.next());
                assertEquals("Ann (FR)", rs.getString(1), "string + is CONCAT on MySQL");
                assertEquals(rs.getLong(3) + 1, rs.getLong(2), "number + stays addition");
                assertEquals("FR-Ann", rs.getString(4));
            }
        }
        // T-SQL modules are reported, never dropped silently
        for (String module : List.of("OrderCount", "OrdersOf", "PurgeOld", "Nightly")) {
            assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CONVERT-ROUTINE") && f.object().contains(module)), module);
        }
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CONVERT-TRIGGER") && f.object().contains("trg_Orders_Audit")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CONVERT-SEQUENCE") && f.object().contains("InvoiceNumbers")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("CONVERT-SYNONYM") && f.object().contains("Clients")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("READ-PROBLEM") && f.object().contains("Broken")));
    }
}
