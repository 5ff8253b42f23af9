package dbshift.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import dbshift.core.model.QualifiedName;
import dbshift.core.preview.ColumnPreview;
import dbshift.core.project.ObjectDefinitions.ColumnType;
import dbshift.core.run.Migration;
import dbshift.ui.run.EngineJob;
import dbshift.ui.run.ProjectSession;

/**
 * Probes one column's source values again after the reviewer chose another target type for it in the schema diff
 * editor, in the background, and hands the lossy-value summary back ("" when the new type holds every value).
 */
final class ReprobeColumnJob extends EngineJob {
    private final ColumnType column;
    private final Consumer<String> done;
    private volatile String summary;

    ReprobeColumnJob(ProjectSession session, ColumnType column, Consumer<String> done) {
        super("Probe the values of " + column.table() + "." + column.column() + " for its new type", "probe", session);
        this.column = column;
        this.done = done;
        setUser(false);
    }

    @Override
    protected boolean writesReport() {
        return false;
    }

    @Override
    protected void work(Migration m) {
        List<ColumnPreview> previews = m.lossyValues(QualifiedName.of(column.schema(), column.table()), column.column());
        summary = previews.isEmpty() ? "" : previews.get(0).summary();
    }

    @Override
    protected void after(Migration m, Throwable failure, IProgressMonitor monitor) {
        done.accept(failure != null ? "not probed: " + failure.getMessage() : summary);
    }
}
