package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.sync.CutoverGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cutover", description = "Apply the last changes, create the triggers and events held back for cutover, and "
        + "verify every table: exit 0 means the target is ready to take over.")
final class CutoverCommand extends MigrationCommand {
    @Option(names = "--freeze-source", description = "First stop writes on the source (SET GLOBAL read_only = ON).")
    boolean freezeSource;

    @Option(names = "--reconnect-seconds", paramLabel = "N", defaultValue = "300",
            description = "When the source or target goes away during the last sync, keep reconnecting for up to N seconds "
                    + "(default: ${DEFAULT-VALUE}; 0: stop at once).")
    long reconnectSeconds = 300;

    @Option(names = "--max-lag", paramLabel = "SECONDS", defaultValue = "10",
            description = "Gate: the sync must stay at most this far behind the source while it is followed for --lag-window "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxLag = 10;

    @Option(names = "--lag-window", paramLabel = "SECONDS", defaultValue = "5",
            description = "Gate: how long the source is followed to measure the lag before the switch (default: ${DEFAULT-VALUE}).")
    long lagWindow = 5;

    @Option(names = "--replay-report", paramLabel = "FILE",
            description = "Gate: also require this workload replay (replay.json from 'dbshift replay') to be clean.")
    java.nio.file.Path replayReport;

    @Option(names = "--with-fallback", description = "Record where the new target's change log is at the switch, so that "
            + "'fallback-sync' can keep the old source in step and 'fallback-cutover' can switch back.")
    boolean withFallback;

    @Option(names = "--force", description = "Switch even when a gate condition fails; the report says which and that it was forced.")
    boolean force;

    @picocli.CommandLine.Mixin
    ConnectCommand.PipelineArgs pipeline;

    CutoverCommand() {
        super(true, true);
    }

    @Override
    void validate() {
        inRange("--reconnect-seconds", reconnectSeconds, 0, 315_360_000, "seconds (0: stop at once)");
        inRange("--lag-window", lagWindow, 1, 86_400, "seconds");
        if (!(maxLag >= 0 && maxLag <= 86_400)) {
            throw new MigrationException("--max-lag must be between 0 and 86400 seconds, not " + maxLag, MigrationException.USAGE);
        }
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        if (pipeline.connectUrl != null) {
            // the target is filled by a Kafka Connect pipeline: wait for it instead of replaying the binlog
            dbshift.connect.Pipeline p = new dbshift.connect.Pipeline(migration, pipeline.options(jobs));
            migration.cutover(freezeSource, null, dbshift.connect.Pipeline.AT_CUTOVER,
                    until -> p.catchUp(until, pipeline.maxSeconds * 1000), dbshift.connect.Pipeline.SETTLE);
            out.println("Cutover: the target verifies equal to the source as of " + migration.run().syncResult().applied()
                    + "; point the applications at it.");
            return;
        }
        java.util.List<CutoverGate.Condition> extra = replayReport == null ? java.util.List.of()
                : java.util.List.of(ReplayGate.condition(replayReport));
        if (withFallback) {
            migration.withFallback();
        }
        migration.reconnectWithin(java.time.Duration.ofSeconds(reconnectSeconds)).cutover(freezeSource, null,
                new CutoverGate(maxLag, lagWindow, force, extra));
        out.println("Cutover: the target verifies equal to the source as of " + migration.run().syncResult().applied()
                + "; point the applications at it.");
    }
}
