package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;

import dbshift.connect.Pipeline;
import dbshift.connect.PipelineOptions;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbshift connect plan|start|status|stop}: the migration's data moved by a Kafka Connect pipeline. */
@Command(name = "connect", description = "Move the data through Kafka Connect (Debezium source, JDBC sink) instead of "
        + "'copy' and 'sync': plan (schema and connector configurations), start, status, stop; then 'cutover --connect-url …'.",
        subcommands = { ConnectCommand.Plan.class, ConnectCommand.Start.class, ConnectCommand.StatusCommand.class,
                ConnectCommand.Stop.class })
final class ConnectCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every pipeline command shares (a contract, like the migration options). */
    static final class PipelineArgs {
        @Option(names = "--connect-url", paramLabel = "URL", description = "The Kafka Connect REST API, e.g. http://connect:8083.")
        String connectUrl;

        @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "A Kafka broker (topics and the sinks' progress).")
        String kafkaBootstrap;

        @Option(names = "--pipeline", paramLabel = "NAME", description = "Prefix of the connectors, topics and consumer groups (default: ${DEFAULT-VALUE}).")
        String name = "dbshift";

        @Option(names = "--connect-tasks", paramLabel = "N", description = "Sink tasks per target database and partitions per table topic (default: --jobs, or 2).")
        Integer tasks;

        @Option(names = "--worker-resolves-secrets", description = "Send ${env:DBSHIFT_…_PASSWORD} to the worker (its EnvVarConfigProvider resolves them) instead of the passwords.")
        boolean workerResolvesSecrets;

        @Option(names = "--max-seconds", paramLabel = "N", description = "cutover: how long to wait for the pipeline to catch up (default: ${DEFAULT-VALUE}).")
        long maxSeconds = 600;

        PipelineOptions options(Integer jobs) {
            int n = tasks != null ? tasks : jobs != null ? jobs : 2;
            try {
                return new PipelineOptions(name, connectUrl, kafkaBootstrap, n, n, workerResolvesSecrets);
            } catch (IllegalArgumentException e) {
                throw new MigrationException(e.getMessage(), MigrationException.USAGE);
            }
        }
    }

    abstract static class PipelineCommand extends MigrationCommand {
        @Mixin
        PipelineArgs pipeline;

        PipelineCommand() {
            super(true, true);
        }

        Pipeline pipeline(Migration migration) {
            return new Pipeline(migration, pipeline.options(jobs));
        }
    }

    @Command(name = "plan", description = "Assess, deploy the schema (foreign keys, triggers and events wait for cutover) and write "
            + "the connector configurations to OUT/connect/ (passwords as ${env:…}); pipeline findings go into the report.")
    static final class Plan extends PipelineCommand {
        @Override
        void perform(Migration migration, PrintWriter out) throws IOException {
            Pipeline p = pipeline(migration);
            p.planAndDeploy(this.out);
            out.println("Pipeline " + p.options().name() + ": " + p.connectors().size() + " connector(s) for " + p.topics().size()
                    + " table(s), configurations in " + this.out.resolve("connect").toAbsolutePath());
            p.findings().forEach(f -> out.println("  " + f.severity() + " " + f.ruleId() + " " + f.object() + ": " + f.message()));
        }
    }

    @Command(name = "start", description = "Create the table topics and the connectors (again: update them); the source "
            + "snapshots the tables, then streams their changes.")
    static final class Start extends PipelineCommand {
        @Override
        void perform(Migration migration, PrintWriter out) {
            Pipeline p = pipeline(migration);
            p.start(environment);
            p.connectors().forEach(c -> out.println("  started " + c.name()));
        }
    }

    @Command(name = "status", description = "Connectors and tasks, snapshot or streaming, and per table: rows on the target, "
            + "messages in its topic, the sink's lag.")
    static final class StatusCommand extends PipelineCommand {
        @Override
        void perform(Migration migration, PrintWriter out) {
            Pipeline.PipelineStatus s = pipeline(migration).status();
            for (Pipeline.ConnectorState c : s.connectors()) {
                out.printf("  %-40s %-9s tasks %s%s%n", c.name(), c.state(), c.tasks(), c.error() == null ? "" : "  " + c.error());
            }
            out.println("  source: " + (s.snapshotting() ? "snapshot running" : "streaming") + "; offset " + s.sourceOffset());
            out.printf("  %-40s %14s %14s %12s %10s%n", "table", "source (est.)", "target rows", "messages", "sink lag");
            for (Pipeline.TableProgress t : s.tables()) {
                out.printf("  %-40s %14s %,14d %,12d %,10d%n", t.table(), t.sourceRowsEstimate() == null ? "?"
                        : String.format("%,d", t.sourceRowsEstimate()), t.targetRows(), t.messages(), t.lag());
            }
            if (s.connectors().stream().anyMatch(Pipeline.ConnectorState::failed)) {
                throw new MigrationException("a connector failed (see above)", MigrationException.FAILURES);
            }
        }
    }

    @Command(name = "stop", description = "Remove the connectors; topics and committed offsets stay, so 'connect start' resumes.")
    static final class Stop extends PipelineCommand {
        @Override
        void perform(Migration migration, PrintWriter out) {
            int n = pipeline(migration).stop();
            out.println("  removed " + n + " connector(s)");
        }
    }
}
