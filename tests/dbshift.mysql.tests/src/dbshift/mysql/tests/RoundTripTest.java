package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.Grant;
import dbshift.core.model.Principal;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;
import dbshift.embedded.SampleDatabase;
import dbshift.embedded.SharedServers;

/**
 * Read → convert → write → deploy → read again: what lands on the target is what the engine planned, object by
 * object, with the data verified. MySQL 8 to MySQL 8 must come back identical; MariaDB to MySQL 8 identical to
 * the converted plan.
 */
class RoundTripTest {

    @Test
    void mysqlToMysqlRoundTripsEveryObjectKind() throws SQLException {
        Fixtures.runScript(SharedServers.mySql(), "mysql-roundtrip.sql");
        resetTarget("rt", "'rt_app'@'%'", "'rt_admin'@'localhost'", "'rt_reader'@'%'");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("rt"))
                .withDefiner(MigrationOptions.DefinerMode.KEEP, null).withUsers(List.of("rt_app@%", "rt_admin@localhost", "rt_reader"));
        Migration m = Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
        m.migrate();
        MigrationRun run = m.run();
        assertFalse(run.hasFailures(), () -> "the run failed: " + run.steps() + run.statements().stream()
                .filter(s -> s.status() != Status.OK).toList());

        Schema planned = m.convert().catalog().schema("rt").orElseThrow();
        Catalog landed = readTarget(List.of("rt"), true);
        Schema actual = landed.schema("rt").orElseThrow();

        assertSameObjects("table", planned.tables(), actual.tables(), t -> t.name().name(), Table::definition);
        assertSameObjects("view", planned.views(), actual.views(), v -> v.name().name(), v -> v);
        assertSameObjects("routine", planned.routines(), actual.routines(), r -> r.name().name(), r -> r);
        assertSameObjects("trigger", planned.triggers(), actual.triggers(), t -> t.name().name(), t -> t);
        assertSameObjects("event", planned.events(), actual.events(), e -> e.name().name(), e -> e);
        assertEquals(3, planned.views().size());
        assertEquals(3, planned.routines().size());
        assertEquals(3, planned.triggers().size());
        assertEquals(2, planned.events().size());

        Map<String, Principal> sourceAccounts = accounts(m.readSource());
        Map<String, Principal> targetAccounts = accounts(landed);
        for (String account : List.of("'rt_app'@'%'", "'rt_admin'@'localhost'", "'rt_reader'@'%'")) {
            Principal s = sourceAccounts.get(account);
            Principal t = targetAccounts.get(account);
            assertNotNull(s, "source has no " + account);
            assertNotNull(t, "target has no " + account + " (has " + targetAccounts.keySet() + ")");
            assertEquals(s.kind(), t.kind(), account);
            assertEquals(s.authPlugin(), t.authPlugin(), account);
            assertEquals(s.authString(), t.authString(), account + ": the password hash must move unchanged");
            assertEquals(s.locked(), t.locked(), account);
            assertEquals(grants(s), grants(t), account);
            assertEquals(s.roles(), t.roles(), account);
        }
        assertEquals(6, run.tables().size());
        for (TableResult t : run.tables()) {
            assertEquals("match", t.checksum(), t.key() + ": " + t.message() + " " + t.mismatches());
            assertEquals(t.sourceRows(), t.targetRows(), t.key());
        }
        // the target really works: the migrated routine and view run there
        assertEquals("Beta", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT `rt`.`parent_name`(2)"));
        assertEquals("42", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT `rt`.`double_it`(21)"));
        assertEquals(Fixtures.rows(SharedServers.mySql(), "SELECT * FROM `rt`.`parent_totals` ORDER BY 1"),
                Fixtures.rows(SharedServers.mySqlTarget(), "SELECT * FROM `rt`.`parent_totals` ORDER BY 1"));
        // auto-increment counters end where the source's are
        assertEquals(nextAutoIncrement(SharedServers.mySql(), "rt", "parent"), nextAutoIncrement(SharedServers.mySqlTarget(), "rt", "parent"));
    }

    @Test
    void mariaDbToAzureMysqlLandsAsPlannedWithVerifiedData() throws SQLException {
        SampleDatabase.create(SharedServers.mariaDb(), SampleDatabase.Size.SMALL);
        resetTarget("shop", "'app_rw'@'%'", "'reporting'@'10.0.%'");
        // as the MYSQL-SUPER finding advises for the sample's NOT DETERMINISTIC function
        Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL log_bin_trust_function_creators = 1");
        try {
            MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("shop"))
                    .withUsers(List.of("app_rw@%", "reporting@10.0.%"));
            Migration m = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                    Dialects.targetKind("azure-mysql"), options);
            m.migrate();
            MigrationRun run = m.run();
            assertFalse(run.hasFailures(), () -> "the run failed: " + run.steps() + run.statements().stream()
                    .filter(s -> s.status() != Status.OK).toList() + run.tables());

            Schema planned = m.convert().catalog().schema("shop").orElseThrow();
            Schema actual = readTarget(List.of("shop"), false).schema("shop").orElseThrow();
            assertSameObjects("table", planned.tables(), actual.tables(), t -> t.name().name(), t -> normalized(t.definition()));
            assertEquals(names(planned.views()), names(actual.views()));
            assertEquals(names(planned.routines()), names(actual.routines()));
            assertEquals(names(planned.triggers()), names(actual.triggers()));
            assertTrue(actual.sequences().isEmpty(), "MySQL has no sequences");
            for (Table t : actual.tables()) {
                assertEquals("InnoDB", t.options().engine(), t.name() + " must be InnoDB on Azure");
            }
            for (String view : List.of("customer_orders", "top_customers", "active_products")) {
                String q = "SELECT * FROM `shop`.`" + view + "` ORDER BY 1";
                assertEquals(Fixtures.rows(SharedServers.mariaDb(), q), Fixtures.rows(SharedServers.mySqlTarget(), q), view);
            }
            assertEquals(Fixtures.scalar(SharedServers.mariaDb(), "SELECT `shop`.`order_total`(7)"),
                    Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT `shop`.`order_total`(7)"));
            assertEquals(13, run.tables().size());
            run.tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
            // planned again against the migrated target, everything is found in place: nothing to create, no conflict
            Migration rerun = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                    Dialects.targetKind("azure-mysql"), options);
            assertEquals(List.of(), rerun.plan().statements(), "a rerun has nothing left to create");
            assertEquals(List.of(), rerun.run().objects().stream().filter(o -> o.status() != Status.EXISTS).toList(),
                    "a rerun finds every object as planned");
            var reporting = run.principals().stream().filter(p -> p.account().startsWith("'reporting'")).findFirst().orElseThrow();
            assertEquals(Status.WARNING, reporting.status());
            assertEquals(List.of("FILE ON *.*"), reporting.refusedPrivileges());
            assertTrue(Fixtures.rows(SharedServers.mySqlTarget(), "SHOW GRANTS FOR 'reporting'@'10.0.%'").toString()
                    .contains("GRANT SELECT, SHOW VIEW ON `shop`.*"));
        } finally {
            Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL log_bin_trust_function_creators = 0");
        }
    }

    static void resetTarget(String database, String... accounts) throws SQLException {
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `" + database + "`",
                "CREATE DATABASE IF NOT EXISTS `_dbshift`", "DROP TABLE IF EXISTS `_dbshift`.`copy_slice`",
                "DROP TABLE IF EXISTS `_dbshift`.`copy_table`");
        for (String a : accounts) {
            Fixtures.execute(SharedServers.mySqlTarget(), "DROP USER IF EXISTS " + a);
        }
    }

    private static Catalog readTarget(List<String> schemas, boolean principals) throws SQLException {
        Endpoint target = Fixtures.endpoint(SharedServers.mySqlTarget());
        try (Connection c = target.open()) {
            return target.dialect().catalogReader().orElseThrow().read(c, schemas, principals);
        }
    }

    private static <T> void assertSameObjects(String kind, List<T> planned, List<T> actual, Function<T, String> name,
            Function<T, Object> comparable) {
        Map<String, Object> p = new TreeMap<>();
        planned.forEach(x -> p.put(name.apply(x), comparable.apply(x)));
        Map<String, Object> a = new TreeMap<>();
        actual.forEach(x -> a.put(name.apply(x), comparable.apply(x)));
        assertEquals(p.keySet(), a.keySet(), kind + "s on the target");
        for (String n : p.keySet()) {
            Object planned1 = p.get(n);
            Object actual1 = a.get(n);
            assertEquals(planned1, actual1, () -> kind + " " + n + " differs from the plan: " + Differences.of(planned1, actual1));
        }
    }

    private static <T> List<String> names(List<T> objects) {
        return objects.stream().map(o -> {
            try {
                Object name = o.getClass().getMethod("name").invoke(o);
                return ((dbshift.core.model.QualifiedName) name).name();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    /** Servers print check and generation expressions with their own parentheses and spacing. */
    private static Table normalized(Table t) {
        List<Column> columns = t.columns().stream()
                .map(c -> c.isGenerated() ? c.toBuilder().generated(expr(c.generated()), c.stored()).build() : c).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(k -> new CheckConstraint(k.name(), expr(k.expression()), k.enforced())).toList();
        return t.withColumns(columns).withChecks(checks);
    }

    private static String expr(String e) {
        return e.replaceAll("[()`\\s]", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Principal> accounts(Catalog c) {
        return c.principals().stream().collect(Collectors.toMap(p -> "'" + p.name() + "'@'" + (p.host() == null ? "%" : p.host()) + "'",
                p -> p, (x, y) -> x));
    }

    private static List<String> grants(Principal p) {
        return p.grants().stream().map(Grant::statement).sorted().toList();
    }

    private static String nextAutoIncrement(dbshift.embedded.EmbeddedServer server, String schema, String table)
            throws SQLException {
        try (Connection c = Fixtures.connect(server); java.sql.Statement s = c.createStatement()) {
            s.execute("SET SESSION information_schema_stats_expiry = 0");
            try (var rs = s.executeQuery("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
                    + "' AND TABLE_NAME = '" + table + "'")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
