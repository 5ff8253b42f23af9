package dbshift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dbshift.embedded.EmbeddedMariaDb;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SharedServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Start an embedded MariaDB source and MySQL 8 target and migrate a sample database.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--work", description = "Where the embedded servers keep their data (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("target", "demo");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting embedded MariaDB " + EmbeddedMariaDb.VERSION + " (source) ...");
        try (EmbeddedMariaDb source = EmbeddedMariaDb.start(work.resolve("source"))) {
            out.println("  " + source.jdbcUrl(""));
            out.println("Starting embedded MySQL " + EmbeddedMySql.VERSION + " (target) ...");
            try (EmbeddedMySql target = EmbeddedMySql.start(work.resolve("target"), SharedServers.cacheDir())) {
                out.println("  " + target.jdbcUrl(""));
                out.println("Both servers are up. The migration itself is not built yet.");
            }
        }
        return Main.EXIT_OK;
    }
}
