package dbshift.ui.run;

import java.nio.file.Path;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dbshift.connect.Pipeline;
import dbshift.connect.PipelineOptions;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;

/**
 * Run on Kafka Connect: what {@code dbshift connect plan} and {@code connect start} do (assess, deploy the schema
 * without foreign keys, triggers and events, write the connector configurations into the project's
 * {@code connect/} folder, create the topics and connectors), then follows the pipeline until its snapshot is done
 * and the sinks have caught up, with its progress per table in the Results view. Cancel stops the watching, not
 * the pipeline: it keeps streaming until Cut Over on the command line ({@code cutover --connect-url}) or
 * {@code connect stop}.
 */
public final class ConnectPipelineJob extends EngineJob {
    /** How long the job follows the pipeline before it leaves it running on its own. */
    static final long WATCH_MILLIS = 6 * 60 * 60 * 1000L;
    private final PipelineOptions options;
    private final Path dir;
    private volatile Pipeline.PipelineStatus last;

    public ConnectPipelineJob(ProjectSession session, PipelineOptions options) {
        super("Run " + session.project().getName() + " on Kafka Connect", "connect", session);
        this.options = options;
        this.dir = session.project().getLocation().toFile().toPath();
    }

    /** The pipeline's last status the job saw (null before the first). */
    public Pipeline.PipelineStatus lastStatus() {
        return last;
    }

    @Override
    protected void work(Migration migration) throws Exception {
        Pipeline pipeline = new Pipeline(migration, options);
        pipeline.planAndDeploy(dir);
        pipeline.start();
        last = pipeline.watchUntilStreaming(WATCH_MILLIS);
        if (last.connectors().stream().anyMatch(Pipeline.ConnectorState::failed)) {
            throw new MigrationException("a connector of pipeline " + options.name() + " failed (see the run's steps); fix the "
                    + "cause, then restart it through the Connect REST API", MigrationException.FAILURES);
        }
    }

    @Override
    protected void after(Migration migration, Throwable failure, IProgressMonitor monitor) throws CoreException {
        session.project().refreshLocal(IResource.DEPTH_INFINITE, monitor);
    }
}
