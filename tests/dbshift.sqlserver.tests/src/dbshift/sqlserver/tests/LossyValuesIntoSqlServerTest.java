package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.core.model.QualifiedName;
import dbshift.core.preview.ColumnPreview;
import dbshift.core.preview.ValueLoss;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ReviewedCatalog;
import dbshift.core.project.Scope;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.embedded.SharedServers;

/**
 * The lossy-value preview of a real MySQL 8 source for an Azure SQL Database target: no SQL Server is needed, the
 * probe runs on the source. The converted types lose zero dates, durations outside a day, decimals beyond 38 digits,
 * enum's error value and supplementary characters counted as two UTF-16 units; the reviewer's overrides (datetime,
 * bigint, varchar) add dates before 1753, unsigned values above bigint and characters outside code page 1252.
 */
class LossyValuesIntoSqlServerTest {
    static final QualifiedName EVENTS = QualifiedName.of("lossy_ss", "events");

    @BeforeAll
    static void source() throws Exception {
        Servers.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS lossy_ss", "CREATE DATABASE lossy_ss CHARACTER SET utf8mb4",
                "CREATE TABLE lossy_ss.events (id INT PRIMARY KEY, happened DATETIME NOT NULL, amount DECIMAL(65,30), "
                        + "big BIGINT UNSIGNED, span TIME, label VARCHAR(6), kind ENUM('a','b')) CHARACTER SET utf8mb4",
                "SET SESSION sql_mode = ''",
                "INSERT INTO lossy_ss.events VALUES "
                        + "(1, '2020-05-01 10:00:00', 1.5, 1, '10:00:00', 'plain', 'a'),"
                        + "(2, '0000-00-00 00:00:00', 2.123456, 18446744073709551615, '-01:00:00', 'café', 'b'),"
                        + "(3, '1600-05-01 00:00:00', 3.25, 9223372036854775807, '25:00:00', '\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00', ''),"
                        + "(4, '1753-01-01 00:00:00', 4.0001, 9223372036854775808, '23:59:59', 'Ωmega', 'a')");
    }

    static Migration migration(MigrationProject project) {
        Migration m = Migration.live(Servers.endpoint(SharedServers.mySql()), null, Dialects.targetKind("azure-sql-db"),
                MigrationOptions.defaults().withSchemas(List.of("lossy_ss")));
        return project == null ? m : m.adjust(ReviewedCatalog.of(project, Dialects.require("sqlserver")));
    }

    static ColumnPreview column(List<ColumnPreview> previews, String column) {
        return previews.stream().filter(p -> p.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no preview of " + column + " in " + previews));
    }

    static long rows(ColumnPreview p, String rule) {
        return p.losses().stream().filter(l -> l.loss().rule().equals(rule)).mapToLong(ColumnPreview.LossCount::rows).sum();
    }

    static List<String> keys(ColumnPreview p, String rule) {
        return p.losses().stream().filter(l -> l.loss().rule().equals(rule) && l.rows() > 0).flatMap(l -> l.samples().stream())
                .map(ColumnPreview.Sample::key).toList();
    }

    @Test
    void convertedTypesLoseWhatSqlServerCannotHold() {
        Migration m = migration(null);
        List<ColumnPreview> previews = m.lossyValues();
        ColumnPreview happened = column(previews, "happened");
        assertEquals("datetime2(0)", happened.targetType().toString());
        assertEquals(1, rows(happened, ValueLoss.ZERO_DATE), happened.toString());
        assertEquals(List.of("id=2"), keys(happened, ValueLoss.ZERO_DATE));
        assertEquals(0, rows(happened, ValueLoss.RANGE), "datetime2 holds year 1600: " + happened);
        ColumnPreview amount = column(previews, "amount");
        assertEquals("decimal(38,3)", amount.targetType().toString());
        assertEquals(2, rows(amount, ValueLoss.PRECISION), amount.toString());
        assertEquals(List.of("id=2", "id=4"), keys(amount, ValueLoss.PRECISION));
        assertEquals("2.123", amount.losses().stream().filter(l -> l.rows() > 0).findFirst().orElseThrow().samples().get(0).after());
        ColumnPreview span = column(previews, "span");
        assertEquals(2, rows(span, ValueLoss.RANGE), span.toString());
        assertEquals(List.of("id=2", "id=3"), keys(span, ValueLoss.RANGE));
        ColumnPreview label = column(previews, "label");
        assertEquals(1, rows(label, ValueLoss.TRUNCATION), "four emoji are eight UTF-16 units in nvarchar(6): " + label);
        assertEquals(List.of("id=3"), keys(label, ValueLoss.TRUNCATION));
        ColumnPreview kind = column(previews, "kind");
        assertEquals(1, rows(kind, ValueLoss.ENUM), "the CHECK refuses enum's error value '': " + kind);
        assertEquals(List.of("id=3"), keys(kind, ValueLoss.ENUM));
        assertTrue(previews.stream().noneMatch(p -> p.column().equals("big")), "bigint unsigned into decimal(20,0) loses nothing");

        Map<String, Finding> findings = new TreeMap<>();
        m.assess().stream().filter(f -> f.ruleId().startsWith("DATA-")).forEach(f -> findings.put(f.ruleId() + " " + f.object(), f));
        assertEquals(Severity.ERROR, findings.get("DATA-ZERO-DATE \"lossy_ss\".\"events\".\"happened\"").severity());
        assertEquals(Severity.ERROR, findings.get("DATA-RANGE \"lossy_ss\".\"events\".\"span\"").severity());
        assertEquals(Severity.WARNING, findings.get("DATA-PRECISION \"lossy_ss\".\"events\".\"amount\"").severity());
        assertTrue(findings.get("DATA-RANGE \"lossy_ss\".\"events\".\"span\"").message()
                .contains("id=2: '-01:00:00' → refused; id=3: '25:00:00' → refused"), findings.toString());
    }

    @Test
    void overridesChangeTheCounts() {
        MigrationProject project = MigrationProject.create("lossy", "mysql", "azure-sql-db", Scope.SCHEMA_AND_DATA,
                MigrationProject.Settings.defaults())
                .withTypeOverride("lossy_ss", "events", "happened", "datetime")
                .withTypeOverride("lossy_ss", "events", "big", "bigint")
                .withTypeOverride("lossy_ss", "events", "label", "varchar(6)");
        Migration m = migration(project);
        List<ColumnPreview> previews = m.lossyValues();
        ColumnPreview happened = column(previews, "happened");
        assertEquals(1, rows(happened, ValueLoss.RANGE), "1600 is before datetime's 1753: " + happened);
        assertEquals(List.of("id=3"), keys(happened, ValueLoss.RANGE));
        assertEquals(1, rows(happened, ValueLoss.ZERO_DATE));
        assertEquals(2, happened.affectedRows());
        ColumnPreview big = column(previews, "big");
        assertEquals(2, rows(big, ValueLoss.SIGN), big.toString());
        assertEquals(List.of("id=2", "id=4"), keys(big, ValueLoss.SIGN));
        ColumnPreview label = column(previews, "label");
        assertEquals(2, rows(label, ValueLoss.CHARSET), "emoji and Ω are not in code page 1252, é is: " + label);
        assertEquals(List.of("id=3", "id=4"), keys(label, ValueLoss.CHARSET));
        assertEquals("?mega", label.losses().stream().filter(l -> l.loss().rule().equals(ValueLoss.CHARSET)).findFirst()
                .orElseThrow().samples().get(1).after());
        assertEquals(0, rows(label, ValueLoss.TRUNCATION), "one byte a character in code page 1252: " + label);

        // the override taken back: the count goes back to the converted type's
        ColumnPreview back = column(migration(project.withTypeOverride("lossy_ss", "events", "happened", ""))
                .lossyValues(EVENTS, "happened"), "happened");
        assertEquals(0, rows(back, ValueLoss.RANGE));
        assertEquals(1, back.affectedRows());
    }
}
