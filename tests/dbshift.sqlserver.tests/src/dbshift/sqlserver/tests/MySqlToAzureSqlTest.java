package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.core.model.Catalog;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;
import dbshift.embedded.SharedServers;

/**
 * A real MySQL 8 database, read live and scripted for Azure SQL Database: every statement parses with the
 * independent T-SQL grammar, and every table, key, index, check and view is in the script, or reported where T-SQL
 * has no equivalent (FULLTEXT and SPATIAL indexes, stored programs, a view with LIMIT).
 */
class MySqlToAzureSqlTest {
    private static final String DB = "az_src";

    @BeforeAll
    static void createSource() throws SQLException {
        Servers.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS az_src", "CREATE DATABASE az_src CHARACTER SET utf8mb4",
                """
                CREATE TABLE az_src.customers (
                  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
                  email VARCHAR(190) NOT NULL,
                  name VARCHAR(100) NOT NULL,
                  status ENUM('active','suspended','closed') NOT NULL DEFAULT 'active',
                  flags SET('vip','newsletter') NOT NULL DEFAULT '',
                  birth DATE NULL,
                  points INT(8) UNSIGNED ZEROFILL NOT NULL DEFAULT 0,
                  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  referrer_id INT UNSIGNED NULL,
                  PRIMARY KEY (id),
                  UNIQUE KEY uq_email (email),
                  KEY ix_name (name(20)),
                  CONSTRAINT fk_referrer FOREIGN KEY (referrer_id) REFERENCES az_src.customers (id) ON DELETE SET NULL
                ) ENGINE=InnoDB COMMENT='people who buy'""",
                """
                CREATE TABLE az_src.products (
                  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                  sku VARCHAR(32) NOT NULL,
                  title VARCHAR(200) NOT NULL,
                  body TEXT,
                  price DECIMAL(12,2) NOT NULL,
                  weight FLOAT, rating DOUBLE,
                  attrs JSON,
                  thumb BLOB,
                  active BIT(1) NOT NULL DEFAULT b'1',
                  mask BIT(16) NULL,
                  made YEAR NULL,
                  opens TIME NULL,
                  qty_unit TINYINT NOT NULL DEFAULT 1,
                  barcode CHAR(13) NULL,
                  discounted DECIMAL(12,2) AS (price * 0.9) STORED,
                  PRIMARY KEY (id),
                  UNIQUE KEY uq_sku (sku),
                  UNIQUE KEY uq_barcode (barcode),
                  FULLTEXT KEY ft_text (title, body),
                  CONSTRAINT ck_price CHECK (price >= 0)
                )""",
                """
                CREATE TABLE az_src.orders (
                  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                  customer_id INT UNSIGNED NOT NULL,
                  ordered_at DATETIME NOT NULL,
                  total DECIMAL(14,4) NOT NULL DEFAULT 0.0000,
                  note VARCHAR(255),
                  PRIMARY KEY (id),
                  KEY ix_customer_date (customer_id, ordered_at DESC),
                  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES az_src.customers (id)
                )""",
                """
                CREATE TABLE az_src.order_items (
                  order_id BIGINT UNSIGNED NOT NULL,
                  line_no TINYINT UNSIGNED NOT NULL,
                  product_id BIGINT UNSIGNED NOT NULL,
                  quantity SMALLINT NOT NULL,
                  PRIMARY KEY (order_id, line_no),
                  KEY ix_product (product_id),
                  CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES az_src.orders (id) ON DELETE CASCADE,
                  CONSTRAINT fk_items_product FOREIGN KEY (product_id) REFERENCES az_src.products (id)
                )""",
                "CREATE TABLE az_src.stores (id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT, location POINT NOT NULL SRID 4326, "
                        + "PRIMARY KEY (id), SPATIAL KEY sx_location (location))",
                "CREATE TABLE az_src.`odd ``name`` ✓` (id INT NOT NULL, `naïve \"col\"` VARCHAR(10), `order` INT, PRIMARY KEY (id))",
                "CREATE TABLE az_src.event_log (logged_at DATETIME(3) NOT NULL, message TEXT NOT NULL)",
                "CREATE VIEW az_src.active_customers AS SELECT id, email, name FROM az_src.customers WHERE status = 'active'",
                "CREATE VIEW az_src.order_totals AS SELECT c.id AS customer_id, c.name, COUNT(o.id) AS orders, "
                        + "IFNULL(SUM(o.total), 0) AS total FROM az_src.customers c LEFT JOIN az_src.orders o ON o.customer_id = c.id "
                        + "GROUP BY c.id, c.name",
                "CREATE VIEW az_src.latest AS SELECT id FROM az_src.orders ORDER BY ordered_at DESC LIMIT 5",
                "CREATE FUNCTION az_src.double_it(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                "CREATE PROCEDURE az_src.touch(IN p INT) BEGIN UPDATE az_src.orders SET note = 'x' WHERE id = p; END",
                "CREATE TRIGGER az_src.trg_items BEFORE INSERT ON az_src.order_items FOR EACH ROW "
                        + "SET NEW.quantity = GREATEST(NEW.quantity, 1)");
    }

    @Test
    void scriptForAzureSqlDatabaseParsesAndCarriesEveryObject() {
        Migration m = Migration.live(Servers.endpoint(SharedServers.mySql()), null, Dialects.targetKind("azure-sql-db"),
                MigrationOptions.defaults().withSchemas(List.of(DB)));
        Catalog source = m.readSource();
        Script script = m.script();
        ScriptCheck.assertParses("MySQL " + DB + " scripted for Azure SQL Database", script);
        List<Finding> findings = m.assess();
        String text = script.statements().stream().map(ScriptStatement::sql).collect(Collectors.joining("\n"));

        assertTrue(text.contains("CREATE SCHEMA [az_src]"), "the MySQL database becomes a schema");
        assertEquals(7, source.tables().size());
        for (Table t : source.tables()) {
            String name = "[az_src].[" + t.name().name().replace("]", "]]") + "]";
            assertTrue(text.contains("CREATE TABLE " + name + " ("), "table " + name);
            if (t.hasPrimaryKey()) {
                assertTrue(text.contains("CONSTRAINT [PK_" + t.name().name().replace("]", "]]") + "] PRIMARY KEY CLUSTERED"), "pk of " + name);
            }
            for (ForeignKey fk : t.foreignKeys()) {
                assertTrue(text.contains("ADD CONSTRAINT [" + fk.name() + "] FOREIGN KEY"), "fk " + fk.name());
            }
            for (Index i : t.indexes()) {
                if (i.kind() == Index.Kind.FULLTEXT || i.kind() == Index.Kind.SPATIAL) {
                    assertTrue(findings.stream().anyMatch(f -> f.object().contains(i.name())), "index " + i.name() + " is reported");
                } else {
                    assertTrue(text.contains("INDEX [" + i.name() + "] ON " + name), "index " + i.name() + " of " + name);
                }
            }
        }
        assertTrue(text.contains("[id] bigint IDENTITY(1, 1) NOT NULL"), "AUTO_INCREMENT becomes IDENTITY");
        assertTrue(text.contains("CONSTRAINT [ck_price] CHECK (([price] >= 0))"), text);
        assertTrue(text.contains("CONSTRAINT [CK_customers_status] CHECK ([status] IN (N'active', N'suspended', N'closed'))"), text);
        assertTrue(text.contains("CREATE UNIQUE NONCLUSTERED INDEX [uq_barcode] ON [az_src].[products] ([barcode]) WHERE [barcode] IS NOT NULL"),
                "a nullable MySQL unique key keeps allowing many NULLs");
        assertTrue(text.contains("CREATE VIEW [az_src].[active_customers] AS"), text);
        assertTrue(text.contains("CREATE VIEW [az_src].[order_totals] AS"), text);
        assertTrue(text.contains("ISNULL(sum("), "IFNULL becomes ISNULL: " + text);

        assertEquals(Severity.ERROR, ruleFor(findings, "CONVERT-VIEW", "latest").severity(), "a view with LIMIT is reported, not created");
        assertTrue(!text.contains("[latest]"));
        assertEquals(Severity.ERROR, ruleFor(findings, "CONVERT-ROUTINE", "double_it").severity());
        assertEquals(Severity.ERROR, ruleFor(findings, "CONVERT-ROUTINE", "touch").severity());
        assertEquals(Severity.ERROR, ruleFor(findings, "CONVERT-TRIGGER", "trg_items").severity());
        assertEquals(Severity.WARNING, ruleFor(findings, "CONVERT-ON-UPDATE", "updated_at").severity());
        assertEquals(Severity.WARNING, ruleFor(findings, "CONVERT-FOREIGN-KEY", "fk_referrer").severity());
        assertEquals(Severity.WARNING, ruleFor(findings, "CONVERT-SET", "flags").severity());
        assertEquals(Severity.ERROR, ruleFor(findings, "CONVERT-SPATIAL", "location").severity());
        assertEquals(Severity.INFO, ruleFor(findings, "CONVERT-INDEX", "ix_name").severity(), "prefix length dropped");
    }

    private static Finding ruleFor(List<Finding> findings, String rule, String object) {
        return findings.stream().filter(f -> f.ruleId().equals(rule) && f.object().contains(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " about " + object + " in " + findings));
    }
}
