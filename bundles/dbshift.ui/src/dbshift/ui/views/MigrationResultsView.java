package dbshift.ui.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import dbshift.core.report.ReportWriter;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.Widgets;
import dbshift.ui.results.Charts;
import dbshift.ui.results.RunRecord;
import dbshift.ui.results.Runs;

/**
 * What a migration run did — the one running now or any past run's report: per step and per object status, per
 * table rows, time, throughput and validation, findings, failed statements and users; every table can be filtered
 * and sorted by any column; charts of throughput over time and of per-table durations; export as .json and .csv.
 */
public final class MigrationResultsView extends ViewPart {
    public static final String ID = "dbshift.ui.views.results";

    private EmptyStatePanel panel;
    private Label summary;
    private Text filter;
    private CTabFolder tabs;
    private final Map<String, TableViewer> tables = new LinkedHashMap<>();
    private Charts.Throughput throughput;
    private Charts.Durations durations;
    private RunRecord record;
    private RunRecord shown;
    private boolean refreshPending;
    private final Consumer<RunRecord> listener = this::runChanged;

    /** One column: title, the report field it shows, width. */
    private record Col(String title, String field, int width) {
    }

    @Override
    public void createPartControl(Composite parent) {
        panel = new EmptyStatePanel(parent);
        Composite content = new Composite(panel.container(), SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        summary = new Label(content, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Widgets.name(summary, "summary");
        Label filterLabel = new Label(content, SWT.NONE);
        filterLabel.setText("Filter:");
        filterLabel.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, true, false));
        filter = new Text(content, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        GridData fd = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        fd.widthHint = 200;
        filter.setLayoutData(fd);
        filter.setMessage("status, table, object…");
        filter.setToolTipText("Shows only the rows that contain this text in any column");
        Widgets.name(filter, "filter");
        filter.addModifyListener(e -> tables.values().forEach(TableViewer::refresh));

        tabs = new CTabFolder(content, SWT.BORDER | SWT.BOTTOM);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        Widgets.name(tabs, "tabs");
        table("Tables", "tables", List.of(new Col("Schema", "schema", 80), new Col("Table", "name", 160),
                new Col("Source rows", "sourceRows", 90), new Col("Target rows", "targetRows", 90), new Col("Status", "status", 70),
                new Col("Checksum", "checksum", 80), new Col("Time (ms)", "millis", 80), new Col("Rows/s", "rowsPerSecond", 90),
                new Col("Method", "method", 90), new Col("Message", "message", 300)));
        table("Steps", "steps", List.of(new Col("Step", "step", 140), new Col("Status", "status", 80),
                new Col("Time (ms)", "millis", 90), new Col("Message", "message", 600)));
        table("Objects", "objects", List.of(new Col("Type", "type", 90), new Col("Schema", "schema", 90),
                new Col("Name", "name", 200), new Col("Status", "status", 80), new Col("Message", "message", 500)));
        table("Findings", "findings", List.of(new Col("Severity", "severity", 80), new Col("Rule", "id", 160),
                new Col("Type", "objectType", 80), new Col("Object", "object", 200), new Col("Message", "message", 400),
                new Col("Fix", "fixHint", 300)));
        table("Failed statements", "statements", List.of(new Col("#", "index", 50), new Col("Type", "objectType", 80),
                new Col("Object", "object", 200), new Col("Phase", "phase", 90), new Col("Status", "status", 70),
                new Col("Time (ms)", "millis", 70), new Col("Error", "error", 500)));
        table("Users", "users", List.of(new Col("Account", "account", 200), new Col("Kind", "kind", 70),
                new Col("Status", "status", 80), new Col("Refused privileges", "refusedPrivileges", 250),
                new Col("Message", "message", 300)));
        CTabItem charts = new CTabItem(tabs, SWT.NONE);
        charts.setText("Charts");
        charts.setImage(DBShiftUiPlugin.image(DBShiftUiPlugin.IMG_CHART));
        SashForm sash = new SashForm(tabs, SWT.HORIZONTAL);
        throughput = new Charts.Throughput(sash);
        durations = new Charts.Durations(sash);
        charts.setControl(sash);
        tabs.setSelection(0);

        panel.setContent(content);
        panel.setHint("No migration has run yet.",
                "Assess, deploy or migrate data from a migration project, or open a report.json written by "
                        + "'dbshift migrate --out DIR'; per-object status, rows, throughput and validation appear here.",
                null);
        panel.showContent(false);
        Runs.addListener(listener);
        if (Runs.current() != null) {
            show(Runs.current());
        }
    }

    private void table(String title, String key, List<Col> cols) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        TableViewer viewer = new TableViewer(tabs, SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        Widgets.name(table, key);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Sorter sorter = new Sorter();
        viewer.setComparator(sorter);
        for (Col c : cols) {
            TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
            column.getColumn().setText(c.title());
            column.getColumn().setWidth(c.width());
            column.getColumn().setToolTipText("Click to sort by " + c.title().toLowerCase(Locale.ROOT));
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text(element, c.field());
                }

                @Override
                public Image getImage(Object element) {
                    return "status".equals(c.field()) || "severity".equals(c.field()) ? statusImage(text(element, c.field())) : null;
                }
            });
            column.getColumn().addListener(SWT.Selection, e -> {
                sorter.sortBy(c.field(), column.getColumn());
                table.setSortColumn(column.getColumn());
                table.setSortDirection(sorter.descending ? SWT.DOWN : SWT.UP);
                viewer.refresh();
            });
        }
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parent, Object element) {
                String f = filter.getText().trim().toLowerCase(Locale.ROOT);
                if (f.isEmpty()) {
                    return true;
                }
                for (Col c : cols) {
                    if (text(element, c.field()).toLowerCase(Locale.ROOT).contains(f)) {
                        return true;
                    }
                }
                return false;
            }
        });
        item.setControl(table);
        item.setData(key);
        tables.put(key, viewer);
    }

    private static Image statusImage(String status) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "failed", "conflict", "blocking", "error", "mismatch" -> images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
            case "warning", "not_run" -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
            case "info", "skipped", "exists" -> images.getImage(ISharedImages.IMG_OBJS_INFO_TSK);
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    static String text(Object element, String field) {
        Object v = ((Map<String, Object>) element).get(field);
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            return String.join("; ", l.stream().map(String::valueOf).toList());
        }
        if (v instanceof Number n && !(field.equals("index"))) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        return String.valueOf(v);
    }

    /** Sorts by a field, numbers as numbers; a second click reverses. */
    private static final class Sorter extends ViewerComparator {
        String field;
        boolean descending;
        TableColumn column;

        void sortBy(String f, TableColumn c) {
            descending = c == column && !descending;
            field = f;
            column = c;
        }

        @Override
        @SuppressWarnings("unchecked")
        public int compare(Viewer viewer, Object a, Object b) {
            if (field == null) {
                return 0;
            }
            Object x = ((Map<String, Object>) a).get(field);
            Object y = ((Map<String, Object>) b).get(field);
            int r;
            if (x instanceof Number n && y instanceof Number m) {
                r = Double.compare(n.doubleValue(), m.doubleValue());
            } else {
                r = String.valueOf(x == null ? "" : x).compareToIgnoreCase(String.valueOf(y == null ? "" : y));
            }
            return descending ? -r : r;
        }
    }

    private void runChanged(RunRecord r) {
        if (panel == null || panel.control().isDisposed()) {
            return;
        }
        record = r;
        if (refreshPending) {
            return;
        }
        refreshPending = true;
        panel.control().getDisplay().asyncExec(() -> {
            refreshPending = false;
            if (!panel.control().isDisposed()) {
                show(record);
            }
        });
    }

    /** Shows a run (live or past). */
    public void show(RunRecord r) {
        // a run shown anew, or one that just finished, opens on its most telling tab
        boolean another = shown == null || r == null || !java.util.Objects.equals(shown.title(), r.title())
                || r.folder() != null && !r.folder().equals(shown.folder())
                || shown.isRunning() && !r.isRunning();
        shown = r;
        record = r;
        if (r == null) {
            panel.showContent(false);
            return;
        }
        Map<String, Object> report = r.report();
        for (var e : tables.entrySet()) {
            e.getValue().setInput(r.list(e.getKey()));
        }
        for (CTabItem item : tabs.getItems()) {
            if (item.getData() instanceof String key) {
                String base = item.getText().replaceAll(" \\(\\d+\\)$", "");
                item.setText(base + " (" + r.list(key).size() + ")");
            }
        }
        if (another) {
            // a new run opens on its tables, else on its objects (a deploy), else on its steps
            tabs.setSelection(!r.list("tables").isEmpty() ? 0 : !r.list("objects").isEmpty() ? 2 : 1);
        }
        throughput.setSamples(r.samples());
        durations.setTables(r.list("tables"));
        summary.setText(summarize(r, report));
        summary.getParent().layout(true, true);
        panel.showContent(true);
        setContentDescription(r.isRunning() ? "Running: " + r.title() : r.folder() == null ? r.title() : "Report: " + r.folder());
    }

    @SuppressWarnings("unchecked")
    static String summarize(RunRecord r, Map<String, Object> report) {
        Map<String, Object> s = report.get("summary") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> timings = report.get("timings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String status = r.isRunning() ? "RUNNING" : String.valueOf(report.get("status")).toUpperCase(Locale.ROOT);
        return status + " · " + report.get("source") + " → " + (report.get("target") == null ? "(no target)" : report.get("target"))
                + " (" + report.get("targetKind") + ") · " + s.getOrDefault("tables", 0) + " tables, "
                + String.format(Locale.ROOT, "%,d", number(s.get("rows"))) + " rows, " + s.getOrDefault("tablesMismatching", 0)
                + " mismatching · " + s.getOrDefault("objects", 0) + " objects, " + s.getOrDefault("objectsFailed", 0) + " failed"
                + (timings.get("total") == null ? "" : " · " + timings.get("total") + " ms");
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    public RunRecord record() {
        return record;
    }

    public TableViewer table(String key) {
        return tables.get(key);
    }

    public Text filter() {
        return filter;
    }

    public Charts.Throughput throughputChart() {
        return throughput;
    }

    public Charts.Durations durationChart() {
        return durations;
    }

    public CTabFolder tabs() {
        return tabs;
    }

    /** Writes the shown run's report as JSON or CSV ({@code format} "json" or "csv"). */
    public void export(Path file, String format) throws IOException {
        if (record == null) {
            throw new IOException("there is no run to export");
        }
        boolean json = "json".equalsIgnoreCase(format);
        if (record.live() != null) {
            ReportWriter writer = new ReportWriter();
            if (json) {
                writer.writeJson(record.live(), file);
            } else {
                writer.writeCsv(record.live(), file);
            }
        } else {
            Path from = record.folder().resolve(json ? "report.json" : "report.csv");
            if (!Files.exists(from)) {
                throw new IOException("this report has no " + from.getFileName() + " beside its report.json");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(from, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public EmptyStatePanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        if (panel.isShowingHint()) {
            panel.control().setFocus();
        } else {
            tabs.setFocus();
        }
    }

    @Override
    public void dispose() {
        Runs.removeListener(listener);
        super.dispose();
    }

}
