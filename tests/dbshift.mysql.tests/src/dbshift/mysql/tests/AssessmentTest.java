package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.AssessmentContext;
import dbshift.core.assess.Assessor;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.embedded.SampleDatabase;
import dbshift.embedded.SharedServers;

/** The assessment names each problem with its rule, object, severity and fix, for the target it is about. */
class AssessmentTest {

    @Test
    void mysqlSourceForAzureMysql() throws Exception {
        Fixtures.runScript(SharedServers.mySql(), "assess-mysql.sql");
        MigrationOptions keep = MigrationOptions.defaults().withSchemas(List.of("asx"))
                .withDefiner(MigrationOptions.DefinerMode.KEEP, null).withUsers(List.of("asx_ops"));
        // the live target's settings count: Azure starts with the event scheduler off
        Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL event_scheduler = OFF");
        List<Finding> findings;
        try {
            findings = Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                    Dialects.targetKind("azure-mysql"), keep).assess();
        } finally {
            Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL event_scheduler = ON");
        }
        Map<String, List<Finding>> byRule = findings.stream().collect(Collectors.groupingBy(Finding::ruleId));

        assertFinding(byRule, "MYSQL-DEFINER", Severity.BLOCKING, "v_owner");
        assertFinding(byRule, "MYSQL-DEFINER", Severity.BLOCKING, "f_random");
        assertEquals("definer=strip", byRule.get("MYSQL-DEFINER").get(0).quickFix());
        assertFinding(byRule, "MYSQL-SUPER", Severity.ERROR, "f_random");
        assertFinding(byRule, "MYSQL-SUPER", Severity.ERROR, "p_tune");
        assertFinding(byRule, "MYSQL-ENGINE", Severity.WARNING, "legacy");
        assertFinding(byRule, "MYSQL-MYISAM-AUTO-INCREMENT", Severity.BLOCKING, "legacy");
        assertFinding(byRule, "MYSQL-NO-PRIMARY-KEY", Severity.WARNING, "no_key");
        assertFinding(byRule, "MYSQL-UTF8MB3", Severity.WARNING, "asx");
        assertFinding(byRule, "MYSQL-UTF8MB3", Severity.WARNING, "wide");
        assertFinding(byRule, "MYSQL-INDEX-LENGTH", Severity.ERROR, "ix_wide_code");
        assertFinding(byRule, "MYSQL-ZERO-DATE", Severity.WARNING, "born");
        assertTrue(byRule.get("MYSQL-ZERO-DATE").stream().anyMatch(f -> f.message().contains("holds zero dates")),
                "the data probe must find the zero date: " + byRule.get("MYSQL-ZERO-DATE"));
        assertFinding(byRule, "MYSQL-RESERVED-WORD", Severity.WARNING, "rank");
        assertFinding(byRule, "MYSQL-EVENT-SCHEDULER", Severity.WARNING, "e_tick");
        Finding privileges = byRule.get("MYSQL-PRIVILEGE").get(0);
        assertTrue(privileges.message().contains("SUPER") && privileges.message().contains("FILE"), privileges.message());
        assertFalse(privileges.message().contains("PROCESS"), "PROCESS is allowed on Azure: " + privileges.message());
        for (Finding f : findings) {
            assertTrue(f.fixHint() != null && !f.fixHint().isBlank(), "every finding says how to fix it: " + f);
        }

        // with DEFINERs stripped (the default) nothing blocks but the MyISAM numbering
        List<Finding> strip = Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("azure-mysql"), keep.withDefiner(MigrationOptions.DefinerMode.STRIP, null)).assess();
        assertEquals(List.of("MYSQL-MYISAM-AUTO-INCREMENT"), strip.stream().filter(Finding::isBlocking).map(Finding::ruleId).distinct().toList());
        assertTrue(strip.stream().filter(f -> f.ruleId().equals("MYSQL-DEFINER")).allMatch(f -> f.severity() == Severity.INFO));
    }

    @Test
    void mariaDbFeaturesMysqlLacks() throws Exception {
        SampleDatabase.create(SharedServers.mariaDb(), SampleDatabase.Size.SMALL);
        List<Finding> findings = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), null, Dialects.targetKind("mysql"),
                MigrationOptions.defaults().withSchemas(List.of("shop"))).assess();
        Map<String, List<Finding>> byRule = findings.stream().collect(Collectors.groupingBy(Finding::ruleId));
        assertFinding(byRule, "MARIADB-FEATURE", Severity.ERROR, "invoice_numbers");
        assertFinding(byRule, "MARIADB-FEATURE", Severity.WARNING, "last_ip");
        assertFinding(byRule, "MARIADB-FEATURE", Severity.WARNING, "external_id");
        assertFinding(byRule, "CONVERT-COLLATION", Severity.INFO, "utf8mb4_uca1400_ai_ci");
        assertFinding(byRule, "CONVERT-JSON", Severity.INFO, "attributes");
        assertFinding(byRule, "MYSQL-ENGINE", Severity.WARNING, "inventory");
        // a MySQL target keeps MEMORY tables; only Azure converts them
        assertFalse(byRule.get("MYSQL-ENGINE").stream().anyMatch(f -> f.object().contains("sessions") && f.severity() == Severity.WARNING),
                byRule.get("MYSQL-ENGINE").toString());
    }

    @Test
    void namesMysqlCannotStoreBlockTheMigration() {
        String emoji = "orders 💥";
        String tooLong = "x".repeat(65);
        Table t = new Table(new QualifiedName("sales", emoji), List.of(Column.builder("price `with` 'quotes'", DataType.decimal("decimal", 10, 2)).build(),
                Column.builder(tooLong, DataType.of("int")).build()), null, null, null, null, null, null);
        Catalog catalog = new Catalog("sqlserver", "16.0", Map.of(), List.of(Schema.empty("sales", null, null).withTables(List.of(t))),
                List.of(), List.of());
        List<Finding> findings = new Assessor().assess(new AssessmentContext(catalog, Dialects.targetKind("azure-mysql"), null,
                MigrationOptions.defaults(), null));
        List<Finding> identifiers = findings.stream().filter(f -> f.ruleId().equals("MYSQL-IDENTIFIER")).toList();
        assertEquals(2, identifiers.size(), identifiers.toString());
        assertTrue(identifiers.stream().allMatch(Finding::isBlocking));
        assertTrue(identifiers.stream().anyMatch(f -> f.object().contains(emoji) && f.message().contains("emoji")), identifiers.toString());
        assertTrue(identifiers.stream().anyMatch(f -> f.object().contains(tooLong) && f.message().contains("64")), identifiers.toString());
        // backticks and quotes are fine: the dialect quotes them
        assertFalse(identifiers.stream().anyMatch(f -> f.object().contains("quotes")));
    }

    private static void assertFinding(Map<String, List<Finding>> byRule, String rule, Severity severity, String objectPart) {
        List<Finding> list = byRule.getOrDefault(rule, List.of());
        assertTrue(list.stream().anyMatch(f -> f.severity() == severity && f.object().contains(objectPart)),
                rule + " " + severity + " on " + objectPart + " expected; found " + list);
    }
}
