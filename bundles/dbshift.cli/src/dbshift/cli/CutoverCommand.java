package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cutover", description = "Apply the last changes, create the triggers and events held back for cutover, and "
        + "verify every table: exit 0 means the target is ready to take over.")
final class CutoverCommand extends MigrationCommand {
    @Option(names = "--freeze-source", description = "First stop writes on the source (SET GLOBAL read_only = ON).")
    boolean freezeSource;

    @picocli.CommandLine.Mixin
    ConnectCommand.PipelineArgs pipeline;

    CutoverCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        if (pipeline.connectUrl != null) {
            // the target is filled by a Kafka Connect pipeline: wait for it instead of replaying the binlog
            dbshift.connect.Pipeline p = new dbshift.connect.Pipeline(migration, pipeline.options(jobs));
            migration.cutover(freezeSource, null, dbshift.connect.Pipeline.AT_CUTOVER,
                    until -> p.catchUp(until, pipeline.maxSeconds * 1000));
        } else {
            migration.cutover(freezeSource);
        }
        out.println("Cutover: the target verifies equal to the source as of " + migration.run().syncResult().applied()
                + "; point the applications at it.");
    }
}
