package dbshift.ui.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dbshift.core.report.ReportWriter;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Progress;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.results.RunRecord;
import dbshift.ui.results.Runs;
import dbshift.ui.results.ThroughputSample;

/**
 * Runs engine steps for a project as an Eclipse job: connects, runs {@link #work} on a worker thread while this
 * thread reports the engine's {@link Progress} (rows, rows/s, ETA) to the progress monitor and the results view,
 * turns Cancel into {@link Progress#cancel()} (the engine stops at its next safe point), and writes the run's
 * report into {@code runs/<time>-<name>/} whatever happened.
 */
public abstract class EngineJob extends Job {
    /** The family of all DBShift engine jobs (tests and shutdown wait for it). */
    public static final Object FAMILY = new Object();
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    protected final ProjectSession session;
    private final String runName;
    private final List<ThroughputSample> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile IFolder reportFolder;

    protected EngineJob(String title, String runName, ProjectSession session) {
        super(title);
        this.runName = runName;
        this.session = session;
        setUser(true);
        setRule(session.project());
    }

    /** The engine work, on a worker thread; throw to fail the job with the exception's message. */
    protected abstract void work(Migration migration) throws Exception;

    /** Whether this job's run is worth a report folder (assessments and script generation write their own files). */
    protected boolean writesReport() {
        return true;
    }

    /** After the work (successful or not), still in the job: write files, markers. */
    protected void after(Migration migration, Throwable failure, IProgressMonitor monitor) throws CoreException {
    }

    /** The failure in words for the error dialog: what failed (the object) and why. */
    protected String describeFailure(Migration migration, Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** Where the report went, once the job is done (null for jobs without a report). */
    public IFolder reportFolder() {
        return reportFolder;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        monitor.subTask("Connecting to " + session.model().source().name()
                + (session.hasTarget() ? " and " + session.model().target().name() : "") + " …");
        Migration migration;
        try {
            migration = session.open();
        } catch (RuntimeException e) {
            return DBShiftUiPlugin.error(getName() + ": " + e.getMessage(), e);
        }
        MigrationRun run = migration.run();
        RunRecord live = RunRecord.live(session.project().getName() + ": " + runName, run, samples);
        if (writesReport()) {
            Runs.show(live);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                work(migration);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "dbshift-" + runName);
        worker.setDaemon(true);
        worker.start();
        long startNanos = System.nanoTime();
        String lastStep = "";
        long lastDone = 0;
        double lastT = 0;
        boolean cancelled = false;
        while (worker.isAlive()) {
            try {
                worker.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.progress().cancel();
            }
            if (monitor.isCanceled() && !cancelled) {
                cancelled = true;
                run.progress().cancel();
                monitor.subTask("Cancelling: the engine stops at its next safe point …");
            }
            Progress p = run.progress();
            double t = (System.nanoTime() - startNanos) / 1e9;
            long done = p.done();
            double rate = p.step().equals(lastStep) && t > lastT ? Math.max(0, (done - lastDone) / (t - lastT)) : p.rate();
            samples.add(new ThroughputSample(t, p.step(), done, rate));
            lastStep = p.step();
            lastDone = done;
            lastT = t;
            if (!cancelled) {
                monitor.subTask(describe(p));
            }
            if (writesReport()) {
                Runs.show(live);
            }
        }
        if (cancelled) {
            // the report must not read "ok" for a run the user stopped half-way
            run.step(new dbshift.core.run.StepResult("cancelled", dbshift.core.run.Status.FAILED, 0,
                    "cancelled by the user during '" + run.progress().step() + "'; the steps after it did not run"));
        }
        if (run.finished() == null) {
            run.finish();
        }
        Throwable error = failure.get();
        String failureText = error == null ? null : describeFailure(migration, error);
        try {
            // resource operations begin tasks of their own: give them a fresh monitor, not the job's
            after(migration, error, new org.eclipse.core.runtime.NullProgressMonitor());
            if (writesReport()) {
                Path folder = writeReport(run, new org.eclipse.core.runtime.NullProgressMonitor());
                Runs.show(live.finished(folder));
            }
        } catch (CoreException | IOException e) {
            return DBShiftUiPlugin.error(getName() + ": the run finished but its report could not be written: " + e.getMessage(), e);
        } finally {
            session.forgetPasswords();
            monitor.done();
        }
        if (cancelled) {
            return new Status(IStatus.CANCEL, DBShiftUiPlugin.ID, getName() + " was cancelled; the results show what was done.");
        }
        if (error != null) {
            return DBShiftUiPlugin.error(getName() + " failed: " + failureText, error);
        }
        return Status.OK_STATUS;
    }

    /** "data: 12,345 of 20,000 rows · 95,120 rows/s · ETA 1 s". */
    static String describe(Progress p) {
        StringBuilder b = new StringBuilder(p.step().isEmpty() ? "working" : p.step()).append(": ");
        b.append(String.format(Locale.ROOT, "%,d", p.done()));
        if (p.total() > 0) {
            b.append(String.format(Locale.ROOT, " of %,d", p.total()));
        }
        b.append(String.format(Locale.ROOT, " · %,.0f/s", p.rate()));
        if (p.etaSeconds() >= 0) {
            b.append(" · ETA ").append(p.etaSeconds()).append(" s");
        }
        return b.toString();
    }

    private Path writeReport(MigrationRun run, IProgressMonitor monitor) throws CoreException, IOException {
        IFolder runs = MigrationProjects.runs(session.project());
        String name = LocalDateTime.now().format(FOLDER_TIME) + "-" + runName;
        IFolder folder = runs.getFolder(name);
        for (int i = 2; folder.exists(); i++) {
            folder = runs.getFolder(name + "-" + i);
        }
        MigrationProjects.createParents(folder, monitor);
        Path dir = folder.getLocation().toFile().toPath();
        ReportWriter writer = new ReportWriter();
        writer.writeJson(run, dir.resolve("report.json"));
        writer.writeCsv(run, dir.resolve("report.csv"));
        RunRecord.writeSamples(samples, dir.resolve(RunRecord.THROUGHPUT_FILE));
        folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        reportFolder = folder;
        return dir;
    }
}
