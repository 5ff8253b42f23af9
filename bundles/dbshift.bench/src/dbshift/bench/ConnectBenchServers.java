package dbshift.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dbshift.embedded.EmbeddedKafka;
import dbshift.embedded.EmbeddedMySql;

/**
 * The servers {@code bench/connect} measures on when it is given none: a MySQL 8 source holding {@code --rows}
 * generated rows (the common types, as the pipeline tests use), an empty MySQL 8 target, a KRaft broker and a
 * distributed Connect worker with Debezium's plugins (from the folder the build assembles). Prints where they are as
 * shell assignments, then keeps them until its standard input closes, and stops them all.
 */
public final class ConnectBenchServers {
    private ConnectBenchServers() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Paths.get("target/connect-servers");
        int rows = 300_000;
        String db = "bench_connect";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work" -> work = Paths.get(args[i + 1]);
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--database" -> db = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--work DIR, --rows N, --database NAME)");
            }
        }
        Path cache = Paths.get(System.getProperty("dbshift.cache", System.getProperty("user.home") + "/.cache/dbshift"));
        try (EmbeddedMySql source = EmbeddedMySql.start(work.resolve("source"), cache, "--server-id=11", "--local-infile=1",
                "--max-allowed-packet=256M");
                EmbeddedMySql target = EmbeddedMySql.start(work.resolve("target"), cache, "--server-id=12", "--local-infile=1",
                        "--max-allowed-packet=256M");
                EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
            generate(source, db, rows);
            System.out.println("SOURCE='" + source.jdbcUrl("") + "'");
            System.out.println("TARGET='" + target.jdbcUrl("") + "'");
            System.out.println("TARGET_PORT=" + target.jdbcUrl("").replaceAll("^.*:(\\d+)/.*$", "$1"));
            System.out.println("DB=" + db);
            System.out.println("CONNECT=" + kafka.connectUrl());
            System.out.println("KAFKA=" + kafka.bootstrapServers());
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until bench/connect closes the pipe (or dies)
            }
        } catch (IOException e) {
            System.err.println("ConnectBenchServers: " + e.getMessage());
            System.exit(2);
        }
    }

    /** One wide table with the common types (rows), and two narrow ones (rows / 2, rows / 6), as the pipeline tests. */
    static void generate(EmbeddedMySql source, String db, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(source.jdbcUrl("") + "&allowMultiQueries=true", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
            s.execute("USE " + db);
            s.execute("SET SESSION cte_max_recursion_depth = 100000000");
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, ti TINYINT, bi BIGINT, bu BIGINT UNSIGNED, de DECIMAL(20,6), "
                    + "fl FLOAT, dbl DOUBLE, ch CHAR(8), vc VARCHAR(100), tx TEXT, vb VARBINARY(32), d DATE, dt6 DATETIME(6), "
                    + "ts TIMESTAMP(3) NULL, tm TIME, js JSON, en ENUM('red','green','blue'), KEY (vc)) CHARSET utf8mb4");
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, item_id INT NOT NULL, qty INT, note VARCHAR(200), placed DATETIME(3)) CHARSET utf8mb4");
            s.execute("CREATE TABLE tags (item_id INT, tag VARCHAR(40), weight DOUBLE, PRIMARY KEY (item_id, tag)) CHARSET utf8mb4");
            for (int from = 1; from <= rows; from += 100_000) {
                int to = Math.min(rows, from + 99_999);
                s.execute("INSERT INTO items WITH RECURSIVE n(i) AS (SELECT " + from + " UNION ALL SELECT i + 1 FROM n WHERE i < " + to
                        + ") SELECT i, i % 128 - 64, i * 1000003 - 9000000000000000000, 18446744073709551615 - i, i * 1.123456 - 99999, "
                        + "i / 7, i / 3.0e10, CONCAT('c', i % 100), CONCAT('vé😀', i), IF(i % 5 = 0, NULL, REPEAT('t', i % 300)), "
                        + "UNHEX(HEX(i * 31)), DATE_ADD('1970-01-01', INTERVAL i % 30000 DAY), "
                        + "DATE_ADD('2020-02-29 12:00:00.000001', INTERVAL i * 7 MICROSECOND), "
                        + "IF(i % 7 = 0, NULL, FROM_UNIXTIME(1000000000 + i + 0.5)), SEC_TO_TIME(i % 86400), "
                        + "JSON_OBJECT('i', i, 'a', JSON_ARRAY(i, 'x', NULL)), ELT(i % 3 + 1, 'red', 'green', 'blue') FROM n");
            }
            s.execute("INSERT INTO orders WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows / 2
                    + ") SELECT i, i % " + rows + " + 1, i % 17, CONCAT('order ', i), DATE_ADD('2024-01-01', INTERVAL i SECOND) FROM n");
            s.execute("INSERT INTO tags WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows / 6
                    + ") SELECT i, CONCAT('tag', i % 3), i / 11 FROM n");
        }
    }
}
