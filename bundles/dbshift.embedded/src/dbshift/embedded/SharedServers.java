package dbshift.embedded;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One MariaDB and one MySQL server for a whole JVM (a test run), started on first use and stopped when the
 * JVM exits, whether the tests passed or not. Data directories go under the system property
 * {@code dbshift.test.dir} (the build points it into {@code target/}); the MySQL binaries are cached under
 * {@code dbshift.cache}.
 */
public final class SharedServers {
    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedMySql mySql;
    private static EmbeddedMySql mySqlTarget;
    private static boolean hookInstalled;

    private SharedServers() {
    }

    public static synchronized EmbeddedMariaDb mariaDb() {
        if (mariaDb == null) {
            installHook();
            mariaDb = EmbeddedMariaDb.start(workDir().resolve("mariadb"), MARIADB_OPTIONS);
        }
        return mariaDb;
    }

    public static synchronized EmbeddedMySql mySql() {
        if (mySql == null) {
            installHook();
            mySql = EmbeddedMySql.start(workDir().resolve("mysql"), cacheDir(), MYSQL_OPTIONS);
        }
        return mySql;
    }

    /** A second MySQL 8 server, for migrations from MySQL to MySQL. */
    public static synchronized EmbeddedMySql mySqlTarget() {
        if (mySqlTarget == null) {
            installHook();
            mySqlTarget = EmbeddedMySql.start(workDir().resolve("mysql-target"), cacheDir(), MYSQL_OPTIONS);
        }
        return mySqlTarget;
    }

    /** Options that make the servers behave like the production ones we migrate from and to. */
    static final String[] MARIADB_OPTIONS = { "--log-bin=mariadb-bin", "--binlog-format=ROW", "--server-id=1", "--log-bin-trust-function-creators=1",
            "--local-infile=1", "--max-allowed-packet=256M" };
    static final String[] MYSQL_OPTIONS = { "--server-id=2", "--local-infile=1", "--max-allowed-packet=256M" };

    public static Path workDir() {
        String dir = System.getProperty("dbshift.test.dir");
        return dir != null ? Paths.get(dir) : Paths.get("target", "servers").toAbsolutePath();
    }

    public static Path cacheDir() {
        String dir = System.getProperty("dbshift.cache");
        return dir != null ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".cache", "dbshift");
    }

    public static synchronized void stopAll() {
        if (mySqlTarget != null) {
            mySqlTarget.close();
            mySqlTarget = null;
        }
        if (mySql != null) {
            mySql.close();
            mySql = null;
        }
        if (mariaDb != null) {
            mariaDb.close();
            mariaDb = null;
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "dbshift-stop-servers"));
            hookInstalled = true;
        }
    }
}
