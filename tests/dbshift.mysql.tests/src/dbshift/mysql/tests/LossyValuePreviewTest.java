package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.preview.ColumnPreview;
import dbshift.core.preview.ProbeOptions;
import dbshift.core.preview.ValueLoss;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ReviewedCatalog;
import dbshift.core.project.Scope;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * The lossy-value preview on MySQL 8 and MariaDB 11.4 sources into MySQL 8: a table with one column per lossy case,
 * the target types chosen by a reviewer's overrides (MySQL to MySQL maps every type losslessly by itself), counted
 * exactly with their sample keys; another override changes the count; a sample reads only the first rows.
 */
class LossyValuePreviewTest {
    static final QualifiedName ITEMS = QualifiedName.of("lossy", "items");

    static void createSource(EmbeddedServer server) throws Exception {
        Fixtures.execute(server, "DROP DATABASE IF EXISTS lossy", "CREATE DATABASE lossy CHARACTER SET utf8mb4",
                "CREATE TABLE lossy.items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note VARCHAR(20), qty INT UNSIGNED, "
                        + "price DECIMAL(10,4), ratio DOUBLE, born DATE NOT NULL, seen DATETIME(6) NULL, size ENUM('S','M','L')) "
                        + "CHARACTER SET utf8mb4",
                // zero dates and the enum's error value need a lenient session
                "SET SESSION sql_mode = ''",
                "INSERT INTO lossy.items VALUES "
                        + "(1, 'short', 'plain', 5, 1.5, 0.5, '2020-01-01', '2020-01-01 10:00:00', 'S'),"
                        + "(2, 'a much longer name', 'emoji \uD83D\uDE00', 3000000000, 2.1234, 0.1, '0000-00-00', '0000-00-00 00:00:00', 'M'),"
                        + "(3, 'sixsix', 'more \uD83C\uDF89 and \uD83D\uDE00', 4294967295, 3.125, 1.25, '2021-02-03', '2021-02-03 04:05:06.123456', 'M'),"
                        + "(4, 'abcde', 'ok', 2147483647, 4, 0.3333333333333333, '2022-03-04', NULL, 'L')");
    }

    static MigrationProject overrides() {
        return MigrationProject.create("lossy", "mysql", "mysql", Scope.SCHEMA_AND_DATA, MigrationProject.Settings.defaults())
                .withTypeOverride("lossy", "items", "name", "varchar(5)")
                .withTypeOverride("lossy", "items", "qty", "int")
                .withTypeOverride("lossy", "items", "price", "decimal(10,2)")
                .withTypeOverride("lossy", "items", "ratio", "float")
                .withTypeOverride("lossy", "items", "seen", "datetime")
                .withTypeOverride("lossy", "items", "size", "enum('S','M')");
    }

    /** The reviewer's overrides, and the note column put into utf8mb3 (a charset choice overrides cannot spell). */
    static UnaryOperator<Catalog> reviewed(MigrationProject project) {
        return c -> {
            Catalog out = ReviewedCatalog.apply(c, project, Dialects.require("mysql"));
            Table t = out.table(ITEMS).orElseThrow();
            List<Column> cols = new ArrayList<>();
            for (Column col : t.columns()) {
                cols.add(col.name().equals("note") ? col.toBuilder().charset("utf8mb3").collation("utf8mb3_general_ci").build() : col);
            }
            Table changed = t.withColumns(cols);
            return out.withSchemas(out.schemas().stream().map(s -> s.withTables(s.tables().stream()
                    .map(x -> x.name().equals(ITEMS) ? changed : x).toList())).toList());
        };
    }

    static Migration migration(EmbeddedServer server, MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(server), null, Dialects.targetKind("mysql"), options.withSchemas(List.of("lossy")));
    }

    /** rule and column to rows, from the findings. */
    static Map<String, Finding> byRuleAndColumn(List<Finding> findings) {
        Map<String, Finding> out = new TreeMap<>();
        for (Finding f : findings) {
            if (f.ruleId().startsWith("DATA-")) {
                out.put(f.ruleId() + " " + f.object(), f);
            }
        }
        return out;
    }

    static ColumnPreview column(List<ColumnPreview> previews, String column) {
        return previews.stream().filter(p -> p.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no preview of " + column + " in " + previews));
    }

    static long rows(ColumnPreview p, String rule) {
        return p.losses().stream().filter(l -> l.loss().rule().equals(rule)).mapToLong(ColumnPreview.LossCount::rows).sum();
    }

    static List<String> keys(ColumnPreview p, String rule) {
        return p.losses().stream().filter(l -> l.loss().rule().equals(rule)).flatMap(l -> l.samples().stream())
                .map(ColumnPreview.Sample::key).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "mysql", "mariadb" })
    void everyLossyCaseIsCountedWithItsKeys(String engine) throws Exception {
        EmbeddedServer server = engine.equals("mysql") ? SharedServers.mySql() : SharedServers.mariaDb();
        createSource(server);

        // as converted, MySQL to MySQL changes no value: nothing to probe, no finding
        Migration plain = migration(server, MigrationOptions.defaults());
        assertEquals(List.of(), plain.lossyValues());
        assertTrue(plain.assess().stream().noneMatch(f -> f.ruleId().startsWith("DATA-")), plain.assess().toString());

        Migration m = migration(server, MigrationOptions.defaults()).adjust(reviewed(overrides()));
        List<ColumnPreview> previews = m.lossyValues();
        ColumnPreview name = column(previews, "name");
        assertEquals(2, rows(name, ValueLoss.TRUNCATION), name.toString());
        assertEquals(List.of("id=2", "id=3"), keys(name, ValueLoss.TRUNCATION));
        assertEquals(4, name.rowsRead());
        assertTrue(name.wholeTable());
        ColumnPreview qty = column(previews, "qty");
        assertEquals(2, rows(qty, ValueLoss.SIGN), qty.toString());
        assertEquals(List.of("id=2", "id=3"), keys(qty, ValueLoss.SIGN));
        ColumnPreview price = column(previews, "price");
        assertEquals(2, rows(price, ValueLoss.PRECISION), price.toString());
        ColumnPreview.Sample rounded = price.losses().get(0).samples().get(1);
        assertEquals("id=3", rounded.key());
        assertEquals("3.1250", rounded.before());
        assertEquals("3.13", rounded.after());
        ColumnPreview ratio = column(previews, "ratio");
        assertEquals(2, rows(ratio, ValueLoss.PRECISION), ratio.toString());
        assertEquals(List.of("id=2", "id=4"), keys(ratio, ValueLoss.PRECISION));
        assertEquals("0.10000000149011612", ratio.losses().get(0).samples().get(0).after());
        ColumnPreview note = column(previews, "note");
        assertEquals(2, rows(note, ValueLoss.CHARSET), note.toString());
        assertEquals(List.of("id=2", "id=3"), keys(note, ValueLoss.CHARSET));
        ColumnPreview seen = column(previews, "seen");
        assertEquals(1, rows(seen, ValueLoss.PRECISION), seen.toString());
        assertEquals("2021-02-03 04:05:06", seen.losses().stream().filter(l -> l.rows() > 0).findFirst().orElseThrow()
                .samples().get(0).after());
        assertEquals(0, rows(seen, ValueLoss.ZERO_DATE), "zero dates are kept by default: " + seen);
        ColumnPreview size = column(previews, "size");
        assertEquals(1, rows(size, ValueLoss.ENUM), size.toString());
        assertEquals(List.of("id=4"), keys(size, ValueLoss.ENUM));

        Map<String, Finding> findings = byRuleAndColumn(m.assess());
        Finding truncation = findings.get("DATA-TRUNCATION \"lossy\".\"items\".\"name\"");
        assertEquals(Severity.ERROR, truncation.severity(), truncation.toString());
        assertTrue(truncation.message().startsWith("2 of the table's 4 rows"), truncation.message());
        assertTrue(truncation.message().contains("id=2: 'a much longer name' → refused"), truncation.message());
        Finding precision = findings.get("DATA-PRECISION \"lossy\".\"items\".\"price\"");
        assertEquals(Severity.WARNING, precision.severity());
        assertTrue(precision.message().contains("id=3: '3.1250' → '3.13'"), precision.message());
        assertTrue(findings.containsKey("DATA-SIGN \"lossy\".\"items\".\"qty\""), findings.keySet().toString());
        assertTrue(findings.containsKey("DATA-CHARSET \"lossy\".\"items\".\"note\""), findings.keySet().toString());
        assertTrue(findings.containsKey("DATA-ENUM \"lossy\".\"items\".\"size\""), findings.keySet().toString());
        assertFalse(findings.keySet().stream().anyMatch(k -> k.startsWith("DATA-NOT-PROBED")), findings.keySet().toString());

        // zero dates copied as NULL: refused where the column is NOT NULL, changed where it takes NULL
        Migration nulls = migration(server, MigrationOptions.defaults().withZeroDates(MigrationOptions.ZeroDates.NULL))
                .adjust(reviewed(overrides()));
        List<ColumnPreview> np = nulls.lossyValues();
        assertEquals(1, rows(column(np, "born"), ValueLoss.ZERO_DATE));
        assertEquals(List.of("id=2"), keys(column(np, "born"), ValueLoss.ZERO_DATE));
        assertEquals(ValueLoss.Effect.REFUSED, column(np, "born").losses().get(0).loss().effect());
        ColumnPreview seenNull = column(np, "seen");
        assertEquals(1, rows(seenNull, ValueLoss.ZERO_DATE));
        assertEquals(2, seenNull.affectedRows(), "zero date and fractional seconds, in different rows: " + seenNull);
        Map<String, Finding> nf = byRuleAndColumn(nulls.assess());
        assertEquals(Severity.ERROR, nf.get("DATA-ZERO-DATE \"lossy\".\"items\".\"born\"").severity());
        assertEquals(Severity.WARNING, nf.get("DATA-ZERO-DATE \"lossy\".\"items\".\"seen\"").severity());
    }

    @ParameterizedTest
    @ValueSource(strings = { "mysql", "mariadb" })
    void anotherOverrideChangesTheCountAndASampleReadsTheFirstRows(String engine) throws Exception {
        EmbeddedServer server = engine.equals("mysql") ? SharedServers.mySql() : SharedServers.mariaDb();
        createSource(server);
        MigrationProject wider = overrides().withTypeOverride("lossy", "items", "name", "varchar(6)");
        Migration m = migration(server, MigrationOptions.defaults()).adjust(reviewed(wider));
        ColumnPreview name = column(m.lossyValues(ITEMS, "name"), "name");
        assertEquals(1, name.affectedRows(), name.toString());
        assertEquals(List.of("id=2"), keys(name, ValueLoss.TRUNCATION));
        // the override removed: nothing to probe for that column
        MigrationProject none = overrides().withTypeOverride("lossy", "items", "name", "");
        assertEquals(List.of(), migration(server, MigrationOptions.defaults()).adjust(reviewed(none)).lossyValues(ITEMS, "name"));

        // a sample of 2 rows reads ids 1 and 2 only, and says so
        Migration sample = migration(server, MigrationOptions.defaults().withProbe(new ProbeOptions(ProbeOptions.Mode.SAMPLE, 2)))
                .adjust(reviewed(overrides()));
        ColumnPreview sampled = column(sample.lossyValues(), "name");
        assertEquals(2, sampled.rowsRead());
        assertFalse(sampled.wholeTable());
        assertEquals(1, rows(sampled, ValueLoss.TRUNCATION));
        Finding f = byRuleAndColumn(sample.assess()).get("DATA-TRUNCATION \"lossy\".\"items\".\"name\"");
        assertTrue(f.message().startsWith("1 of the first 2 rows (a sample"), f.message());
        // a full scan counts them all; off probes nothing
        Migration full = migration(server, MigrationOptions.defaults().withProbe(new ProbeOptions(ProbeOptions.Mode.FULL, 2)))
                .adjust(reviewed(overrides()));
        assertEquals(2, rows(column(full.lossyValues(), "name"), ValueLoss.TRUNCATION));
        Migration off = migration(server, MigrationOptions.defaults().withProbe(new ProbeOptions(ProbeOptions.Mode.OFF, 2)))
                .adjust(reviewed(overrides()));
        assertEquals(List.of(), off.lossyValues());
    }

    /**
     * Date-times into dates, MariaDB's JSON (text kept as written) into MySQL's parsed JSON, text into JSON and a
     * narrower BIT: each counted with its keys, and the premise of the JSON rule checked on the servers themselves
     * (MariaDB answers a repeated key with the first value, MySQL keeps the last).
     */
    @ParameterizedTest
    @ValueSource(strings = { "mysql", "mariadb" })
    void datesDocumentsAndBitsAreCounted(String engine) throws Exception {
        EmbeddedServer server = engine.equals("mysql") ? SharedServers.mySql() : SharedServers.mariaDb();
        Fixtures.execute(server, "DROP DATABASE IF EXISTS lossy", "CREATE DATABASE lossy CHARACTER SET utf8mb4",
                "CREATE TABLE lossy.more (id INT PRIMARY KEY, seen DATETIME(6), doc JSON, flags BIT(8), raw TEXT) CHARACTER SET utf8mb4",
                "INSERT INTO lossy.more VALUES "
                        + "(1, '2020-01-01 00:00:00', '{\"a\": 1}', b'00000001', '{\"x\": 1}'),"
                        + "(2, '2020-01-02 10:30:00', '{\"a\": 1, \"a\": 2}', b'11111111', 'not json'),"
                        + "(3, '2020-01-03 00:00:00.5', '{\"n\": 12.345678901234567890123}', b'00001111', '{\"k\": 1, \"k\": 2}'),"
                        + "(4, NULL, '{\"big\": 123456789012345678901234567890, \"ok\": 0.1, \"i\": 18446744073709551615}', "
                        + "b'00000000', NULL)");
        boolean mariaDb = engine.equals("mariadb");
        assertEquals(mariaDb ? "1" : "2", Fixtures.scalar(server, "SELECT JSON_EXTRACT(doc, '$.a') FROM lossy.more WHERE id = 2"));
        assertEquals("2", Fixtures.scalar(SharedServers.mySql(), "SELECT JSON_EXTRACT(CAST('{\"a\": 1, \"a\": 2}' AS JSON), '$.a')"));

        MigrationProject project = MigrationProject.create("lossy", "mysql", "mysql", Scope.SCHEMA_AND_DATA,
                MigrationProject.Settings.defaults())
                .withTypeOverride("lossy", "more", "seen", "date")
                .withTypeOverride("lossy", "more", "flags", "bit(4)")
                .withTypeOverride("lossy", "more", "raw", "json");
        Migration m = migration(server, MigrationOptions.defaults())
                .adjust(c -> ReviewedCatalog.apply(c, project, Dialects.require("mysql")));
        List<ColumnPreview> previews = m.lossyValues();

        ColumnPreview seen = column(previews, "seen");
        assertEquals(2, rows(seen, ValueLoss.PRECISION), seen.toString());
        assertEquals(List.of("id=2", "id=3"), keys(seen, ValueLoss.PRECISION));
        assertEquals("2020-01-02", seen.losses().get(0).samples().get(0).after());

        ColumnPreview flags = column(previews, "flags");
        assertEquals(1, rows(flags, ValueLoss.RANGE), flags.toString());
        assertEquals(List.of("id=2"), keys(flags, ValueLoss.RANGE));
        assertEquals("11111111", flags.losses().get(0).samples().get(0).before());

        ColumnPreview raw = column(previews, "raw");
        List<ColumnPreview.LossCount> rawLosses = raw.losses();
        assertEquals(ValueLoss.Effect.REFUSED, rawLosses.get(0).loss().effect());
        assertEquals(1, rawLosses.get(0).rows(), raw.toString());
        assertEquals("id=2", rawLosses.get(0).samples().get(0).key());
        assertEquals(1, rawLosses.get(1).rows(), raw.toString());
        assertEquals("id=3", rawLosses.get(1).samples().get(0).key());
        assertEquals("{\"k\":2}", rawLosses.get(1).samples().get(0).after());
        assertEquals(2, raw.affectedRows(), raw.toString());

        Map<String, Finding> findings = byRuleAndColumn(m.assess());
        if (mariaDb) {
            ColumnPreview doc = column(previews, "doc");
            assertEquals(3, rows(doc, ValueLoss.JSON), doc.toString());
            assertEquals(List.of("id=2", "id=3", "id=4"), keys(doc, ValueLoss.JSON));
            assertEquals("{\"a\":2}", doc.losses().get(0).samples().get(0).after());
            assertEquals("{\"n\":12.345678901234567}", doc.losses().get(0).samples().get(1).after());
            Finding json = findings.get("DATA-JSON \"lossy\".\"more\".\"doc\"");
            assertEquals(Severity.WARNING, json.severity(), json.toString());
            assertTrue(json.message().startsWith("3 of the table's 4 rows"), json.message());
        } else {
            // MySQL's JSON is parsed on both sides: nothing to count
            assertTrue(previews.stream().noneMatch(p -> p.column().equals("doc")), previews.toString());
        }
        // text into JSON: the text that is no document is refused (error), the repeated key changed (warning)
        List<Severity> rawSeverities = m.assess().stream().filter(f -> f.ruleId().equals(ValueLoss.JSON)
                && f.object().equals("\"lossy\".\"more\".\"raw\"")).map(Finding::severity).sorted().toList();
        assertEquals(List.of(Severity.WARNING, Severity.ERROR).stream().sorted().toList(), rawSeverities);
        assertTrue(findings.containsKey("DATA-PRECISION \"lossy\".\"more\".\"seen\""), findings.keySet().toString());
        assertTrue(findings.containsKey("DATA-RANGE \"lossy\".\"more\".\"flags\""), findings.keySet().toString());
    }
}
