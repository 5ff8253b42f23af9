package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dbshift.cli.tests.CommandLineTest.Result;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * Every row of the README's "Troubleshooting" table, provoked against a real server: the message names the object,
 * the cause and the remedy, and the exit code is the one the README promises (1 failures, 2 cannot connect).
 * A server of its own ("trouble") has TLS off, a system tablespace capped at 40 MB holding every table (a full disk
 * in miniature) and a one-second lock wait; what a test changes on it (the packet limit, a lock wait) it sets back,
 * and nothing here changes the shared fixtures' settings.
 */
class TroubleshootingTest {
    private static EmbeddedMySql trouble;

    @BeforeAll
    static void startTroubleServer() throws SQLException {
        trouble = EmbeddedMySql.start(SharedServers.workDir().resolve("mysql-trouble"), SharedServers.cacheDir(),
                "--server-id=3", "--local-infile=1", "--ssl=0", "--innodb-file-per-table=0",
                "--innodb-data-file-path=ibdata1:12M:autoextend:max:40M", "--innodb-lock-wait-timeout=1");
        // one source database per failure, so each run meets only its own
        CommandLineTest.execute(SharedServers.mySql(), "SET SESSION cte_max_recursion_depth = 100000",
                "DROP DATABASE IF EXISTS `trbl_full`", "CREATE DATABASE `trbl_full`",
                "CREATE TABLE `trbl_full`.`big` (id INT PRIMARY KEY, pad VARCHAR(1000))",
                "INSERT INTO `trbl_full`.`big` WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
                        + "SELECT i, REPEAT('x', 1000) FROM n",
                "DROP DATABASE IF EXISTS `trbl_lock`", "CREATE DATABASE `trbl_lock`",
                "CREATE TABLE `trbl_lock`.`locked` (id INT PRIMARY KEY, v INT)",
                "INSERT INTO `trbl_lock`.`locked` VALUES (1, 1), (2, 2), (3, 3)",
                "DROP DATABASE IF EXISTS `trbl_priv`", "CREATE DATABASE `trbl_priv`",
                "CREATE TABLE `trbl_priv`.`audited` (id INT PRIMARY KEY, v INT)",
                "CREATE TRIGGER `trbl_priv`.`audited_bi` BEFORE INSERT ON `trbl_priv`.`audited` FOR EACH ROW SET NEW.v = NEW.v + 1");
    }

    @AfterAll
    static void stopTroubleServer() throws SQLException {
        if (trouble != null) {
            trouble.close();
        }
        CommandLineTest.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `trbl_full`", "DROP DATABASE IF EXISTS `trbl_lock`", "DROP DATABASE IF EXISTS `trbl_priv`");
    }

    /** Drops what an earlier run left on the trouble server. */
    private static void clean(String database, String... more) throws SQLException {
        List<String> sql = new java.util.ArrayList<>(List.of("DROP DATABASE IF EXISTS `" + database + "`", "DROP DATABASE IF EXISTS `_dbshift`"));
        sql.addAll(List.of(more));
        CommandLineTest.execute(trouble, sql.toArray(String[]::new));
    }

    private static String url(EmbeddedServer server, String properties) {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + properties;
    }

    private static String plain(EmbeddedServer server) {
        return url(server, "?useSSL=false&allowPublicKeyRetrieval=true");
    }

    private static Result run(String command, String database, String target, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--source", plain(SharedServers.mySql()), "--source-user",
                "root", "--target", target, "--target-user", "root", "--databases", database));
        args.addAll(List.of(more));
        return CommandLineTest.run(CommandLineTest.passwords("", ""), args.toArray(String[]::new));
    }

    private static void assertSays(Result r, int code, String... parts) {
        assertEquals(code, r.code(), r.all());
        for (String part : parts) {
            assertTrue(r.all().contains(part), "missing '" + part + "' in:\n" + r.all());
        }
    }

    @Test
    void untrustedCertificate() {
        // the shared MySQL 8 target has the self-signed certificate MySQL generates; azure-mysql means verified TLS
        Result r = run("assess", "trbl_priv", url(SharedServers.mySqlTarget(), ""), "--target-kind", "azure-mysql");
        assertSays(r, 2, "cannot connect to the target", "TLS certificate is not trusted", "sslMode=REQUIRED", "trust store");
    }

    @Test
    void hostNameMismatch(@TempDir Path dir) throws Exception {
        // trust the server's own CA: the chain verifies, but its certificate does not name 127.0.0.1
        Path ca = Path.of(CommandLineTest.scalar(SharedServers.mySqlTarget(), "SELECT @@datadir")).resolve("ca.pem");
        Path store = dir.resolve("ca.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            ks.setCertificateEntry("ca", cert);
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        Result r = run("assess", "trbl_priv", url(SharedServers.mySqlTarget(), "?trustCertificateKeyStoreUrl=" + store.toUri()
                + "&trustCertificateKeyStoreType=PKCS12&trustCertificateKeyStorePassword=changeit"), "--target-kind", "azure-mysql");
        assertSays(r, 2, "cannot connect to the target", "does not name the host", "sslMode=VERIFY_CA");
    }

    @Test
    void tlsRequiredButNotOffered() {
        Result r = run("assess", "trbl_priv", url(trouble, "?sslMode=REQUIRED&allowPublicKeyRetrieval=true"));
        assertSays(r, 2, "cannot connect to the target", "the server does not offer it", "enable TLS on the server");
    }

    @Test
    void closedPort() {
        Result r = run("assess", "trbl_priv", "jdbc:mysql://127.0.0.1:1/");
        assertSays(r, 2, "cannot connect to the target jdbc:mysql://127.0.0.1:1/ as root", "nothing is listening there",
                "check the host and port");
    }

    @Test
    void targetFull() throws SQLException {
        clean("trbl_full");
        // 60 MB of rows into a 40 MB tablespace: what a full disk looks like to the copy
        Result r = run("migrate", "trbl_full", plain(trouble), "--chunk-rows", "5000");
        assertSays(r, 1, "trbl_full.big", "is full", "no room left", "run again");
        clean("trbl_full");
    }

    @Test
    void rowLargerThanMaxAllowedPacket() throws SQLException {
        // a 3 MB row on a source whose max_allowed_packet is then lowered to 1 MB: the server cannot send it
        clean("trbl_packet", "CREATE DATABASE `trbl_packet`", "CREATE TABLE `trbl_packet`.`blob_row` (id INT PRIMARY KEY, doc LONGBLOB)",
                "INSERT INTO `trbl_packet`.`blob_row` VALUES (1, REPEAT('b', 3 * 1024 * 1024))");
        CommandLineTest.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `trbl_packet`", "CREATE DATABASE `trbl_packet`",
                "CREATE TABLE `trbl_packet`.`blob_row` (id INT PRIMARY KEY, doc LONGBLOB)");
        CommandLineTest.execute(trouble, "SET GLOBAL max_allowed_packet = 1048576");
        try {
            Result r = CommandLineTest.run(CommandLineTest.passwords("", ""), "copy", "--source", plain(trouble), "--source-user", "root",
                    "--target", plain(SharedServers.mySqlTarget()), "--target-user", "root", "--databases", "trbl_packet");
            assertSays(r, 1, "trbl_packet.blob_row", "max_allowed_packet", "raise it on that server");
        } finally {
            CommandLineTest.execute(trouble, "SET GLOBAL max_allowed_packet = 67108864");
            CommandLineTest.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `trbl_packet`", "DROP DATABASE IF EXISTS `_dbshift`");
            clean("trbl_packet");
        }
    }

    @Test
    void lockWaitTimeoutAndLostConnection() throws Exception {
        clean("trbl_lock", "CREATE DATABASE `trbl_lock`", "CREATE TABLE `trbl_lock`.`locked` (id INT PRIMARY KEY, v INT)");
        try (Connection holder = connect(trouble); Statement s = holder.createStatement()) {
            // a locking read of the empty table's whole key range: every insert into it waits
            holder.setAutoCommit(false);
            s.executeQuery("SELECT * FROM `trbl_lock`.`locked` FOR UPDATE").close();
            Result waited = run("copy", "trbl_lock", plain(trouble));
            assertSays(waited, 1, "trbl_lock.locked", "Lock wait timeout exceeded", "another session holds a lock", "run again");

            // the same wait, made long, then the copy's session is killed: a lost connection mid-copy
            CommandLineTest.execute(trouble, "SET GLOBAL innodb_lock_wait_timeout = 120");
            try {
                CompletableFuture<Result> copy = CompletableFuture.supplyAsync(() -> run("copy", "trbl_lock", plain(trouble)));
                long copier = waitForLoad(holder);
                s.execute("KILL CONNECTION " + copier);
                Result lost = copy.get();
                assertSays(lost, 1, "trbl_lock.locked", "the connection was lost", "run the same command again");
            } finally {
                CommandLineTest.execute(trouble, "SET GLOBAL innodb_lock_wait_timeout = 1");
            }
            holder.rollback();
        }
        clean("trbl_lock");
    }

    /** The id of the session loading into `trbl_lock`.`locked`, once it waits for the lock. */
    private static long waitForLoad(Connection c) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, info FROM information_schema.processlist "
                    + "WHERE id <> CONNECTION_ID() AND info IS NOT NULL AND info NOT LIKE '%processlist%'")) {
                while (rs.next()) {
                    String info = rs.getString(2);
                    if (info.contains("locked") && (info.startsWith("LOAD DATA") || info.startsWith("INSERT"))) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the copy never started loading `trbl_lock`.`locked`");
    }

    @Test
    void privilegeMissingForOneObject() throws SQLException {
        clean("trbl_priv", "DROP USER IF EXISTS 'trbl_deployer'@'%'",
                "CREATE USER 'trbl_deployer'@'%' IDENTIFIED BY 'Depl0y-pass'", "GRANT ALL ON `trbl_priv`.* TO 'trbl_deployer'@'%'",
                "REVOKE TRIGGER ON `trbl_priv`.* FROM 'trbl_deployer'@'%'", "GRANT SELECT ON *.* TO 'trbl_deployer'@'%'",
                "SET GLOBAL log_bin_trust_function_creators = 0");
        try {
            // binary logging on, no SUPER: MySQL refuses triggers and routines before it looks at the grants
            Result binlog = deployAsDeployer();
            assertSays(binlog, 1, "`trbl_priv`.`audited_bi`", "SUPER privilege and binary logging", "log_bin_trust_function_creators=ON");
            CommandLineTest.execute(trouble, "SET GLOBAL log_bin_trust_function_creators = 1");
            Result grant = deployAsDeployer();
            assertSays(grant, 1, "`trbl_priv`.`audited_bi`", "TRIGGER command denied", "the user lacks a privilege",
                    "GRANT TRIGGER ON <database>.* TO 'trbl_deployer'@'<host>'");
        } finally {
            clean("trbl_priv", "DROP USER IF EXISTS 'trbl_deployer'@'%'", "SET GLOBAL log_bin_trust_function_creators = 0");
        }
    }

    private static Result deployAsDeployer() {
        return CommandLineTest.run(Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", "Depl0y-pass"), "deploy",
                "--source", plain(SharedServers.mySql()), "--source-user", "root", "--target", plain(trouble), "--target-user",
                "trbl_deployer", "--databases", "trbl_priv", "--continue-on-error");
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new com.mysql.cj.jdbc.Driver().connect(server.jdbcUrl(""), p);
    }
}
