package dbshift.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.StatementReplay;
import dbshift.ui.results.LatencyChart;

/**
 * Migration > Replay Workload: the statements of a workload replay with their status (equal, differs, errors, not
 * replayable), latency on each side and the reason, the selected statement's differences and plans, and a chart of
 * source vs target latency.
 */
public final class ReplayWorkloadView extends ViewPart {
    public static final String ID = "dbshift.ui.views.replay";

    private Label summary;
    private TableViewer table;
    private Text details;
    private LatencyChart chart;
    private ReplayResult result;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setText("No replay yet: Migration > Replay Workload… replays a workload.json captured with 'dbshift capture'.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        table = new TableViewer(sash, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column("#", 40, s -> Integer.toString(result.statements().indexOf(s) + 1));
        column("Status", 110, s -> s.status().label() + (s.regression() ? " (regression)" : ""));
        column("Runs seen", 70, s -> Long.toString(s.count()));
        column("Source ms", 80, s -> s.sourceLatency() == null ? "" : ms(s.sourceLatency().medianMillis()));
        column("Target ms", 80, s -> s.targetLatency() == null ? "" : ms(s.targetLatency().medianMillis()));
        column("Message", 320, s -> s.message() + (s.planNote() == null ? "" : "; " + s.planNote()));
        column("Statement", 420, s -> s.sql() == null ? "(no text)" : s.sql().replaceAll("\\s+", " "));
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        chart = new LatencyChart(sash);
        sash.setWeights(5, 2, 3);
        table.addSelectionChangedListener(e -> {
            Object o = table.getStructuredSelection().getFirstElement();
            details.setText(o instanceof StatementReplay s ? describe(s) : "");
        });
    }

    private void column(String title, int width, Function<StatementReplay, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((StatementReplay) element);
            }
        });
    }

    /** Shows a replay (from a job just finished, or read from a replay.json). */
    public void show(ReplayResult replay) {
        this.result = replay;
        ReplayResult.Summary s = replay.summary();
        summary.setText(String.format(Locale.ROOT, "%s → %s: %d statements, %d equal, %d differing, %d failing on the target, "
                + "%d not replayable; %d regressions", replay.source(), replay.target(), s.statements(), s.equal(), s.differing(),
                s.errorsTarget(), s.notReplayable(), s.regressions()));
        table.setInput(replay.statements());
        chart.setStatements(replay.statements());
        summary.getParent().layout();
    }

    /** Reads and shows a replay.json. */
    public void open(Path replayJson) throws IOException {
        show(ReplayReport.read(replayJson));
    }

    private static String describe(StatementReplay s) {
        StringBuilder b = new StringBuilder(s.sql() == null ? "" : s.sql()).append("\n\n").append(s.status().label()).append(": ")
                .append(s.message());
        if (s.targetSql() != null) {
            b.append("\non the target as: ").append(s.targetSql());
        }
        s.differences().forEach(d -> b.append('\n').append(d));
        if (s.sourceError() != null) {
            b.append("\nsource: ").append(s.sourceError());
        }
        if (s.targetError() != null) {
            b.append("\ntarget: ").append(s.targetError());
        }
        if (!s.sourcePlan().isEmpty()) {
            b.append("\nsource plan: ").append(String.join("; ", s.sourcePlan()));
            b.append("\ntarget plan: ").append(String.join("; ", s.targetPlan()));
        }
        return b.toString();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public ReplayResult result() {
        return result;
    }

    public TableViewer table() {
        return table;
    }

    public LatencyChart chart() {
        return chart;
    }

    public String summaryText() {
        return summary.getText();
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    List<StatementReplay> statements() {
        return result == null ? List.of() : result.statements();
    }
}
