package dbshift.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.compare.CompareConfiguration;
import org.eclipse.compare.contentmergeviewer.TextMergeViewer;
import org.eclipse.compare.structuremergeviewer.DiffNode;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.CheckboxTreeViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.part.MultiPageEditorPart;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ObjectDefinitions;
import dbshift.core.project.ObjectDefinitions.ColumnType;
import dbshift.core.project.ObjectDefinitions.Definition;
import dbshift.core.project.ScriptMerge;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptSyntax;
import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.ProjectSelection;
import dbshift.ui.internal.Widgets;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.run.ProjectSession;

/**
 * The schema diff editor of a migration project (opened on migration.dbshift). The Objects page lists every
 * object with its status on the target and the review state; per object, the source definition beside the
 * target's (as generated, or as the live target has it) with the differences highlighted by Eclipse Compare;
 * objects can be left out and a column's target type overridden. The Script page is the reviewed script in the
 * SQL editor. Save keeps both in the project; the choices apply at the next Generate.
 */
public final class SchemaDiffEditor extends MultiPageEditorPart implements IGotoMarker, IResourceChangeListener {
    public static final String ID = "dbshift.ui.editors.schemaDiff";
    public static final String CONTEXT = "dbshift.ui.contexts.migration";
    static final String[] TYPE_ORDER = { "database", "table", "view", "function", "procedure", "trigger", "event", "sequence" };

    private IProject project;
    private MigrationProject model;
    private boolean modelDirty;
    private List<Definition> definitions = List.of();
    private Map<String, String> review = Map.of();
    private SqlEditor script;
    private int scriptPage;

    private Label summary;
    private Label hint;
    private CheckboxTreeViewer objects;
    private Combo compareWith;
    private TextMergeViewer compare;
    private CompareConfiguration compareConfig;
    private TableViewer columns;
    private Definition selected;
    /** Lossy-value summaries probed again after an override, by schema.table.column; they win over the generation's. */
    private final Map<String, String> reprobed = new java.util.concurrent.ConcurrentHashMap<>();
    private long definitionsStamp = -2;

    /** A type's folder in the objects tree. */
    record Group(String type, List<Definition> members) {
        String label() {
            return switch (type) {
                case "database" -> "Databases";
                case "table" -> "Tables";
                case "view" -> "Views";
                case "function" -> "Functions";
                case "procedure" -> "Procedures";
                case "trigger" -> "Triggers";
                case "event" -> "Events";
                case "sequence" -> "Sequences";
                default -> type;
            };
        }
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fi)) {
            throw new PartInitException("The schema diff editor opens a project's migration.dbshift file");
        }
        super.init(site, input);
        project = fi.getFile().getProject();
        try {
            model = MigrationProjects.read(project);
            IFile scriptFile = MigrationProjects.script(project);
            if (!scriptFile.exists()) {
                MigrationProjects.writeText(scriptFile, "-- No script generated yet: Migration > Generate Script (Ctrl+Alt+G).\n", null);
            }
        } catch (CoreException e) {
            throw new PartInitException(e.getStatus());
        }
        setPartName(project.getName());
        setTitleToolTip("Schema diff and migration script of " + project.getName());
        ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
        site.getService(IContextService.class).activateContext(CONTEXT);
    }

    @Override
    protected void createPages() {
        int objectsPage = addPage(createObjectsPage(getContainer()));
        setPageText(objectsPage, "Objects");
        script = new SqlEditor();
        try {
            scriptPage = addPage(script, new FileEditorInput(MigrationProjects.script(project)));
            setPageText(scriptPage, "Script");
            script.beforeReveal(() -> setActivePage(scriptPage));
        } catch (PartInitException e) {
            ErrorDialog.openError(getSite().getShell(), "Schema Diff", "Cannot open the script of " + project.getName(), e.getStatus());
        }
        reload();
    }

    private Composite createObjectsPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));

        summary = new Label(page, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        Widgets.name(summary, "summary");
        Composite bar = new Composite(page, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(6, false));
        commandButton(bar, "Generate", "dbshift.ui.generateScript", DBShiftUiPlugin.image("icons/generate.png"),
                "Generate the script again from the source (Ctrl+Alt+G); your edits are kept where the object did not change.");
        commandButton(bar, "Validate", "dbshift.ui.validateScript", DBShiftUiPlugin.image("icons/validate.png"),
                "Parse the script and dry-run it on the live target (nothing is executed)");
        commandButton(bar, "Deploy…", "dbshift.ui.deploy", DBShiftUiPlugin.image("icons/deploy.png"),
                "Run the reviewed script on the target");
        commandButton(bar, "Migrate Data…", "dbshift.ui.migrateData", DBShiftUiPlugin.image("icons/migrate.png"),
                "Copy and verify the data, then create what follows the data");
        new Label(bar, SWT.NONE).setText("Compare with:");
        compareWith = new Combo(bar, SWT.READ_ONLY);
        compareWith.setItems("Generated for the target", "Live target");
        compareWith.select(0);
        compareWith.setToolTipText("The right side of the comparison: what DBShift will create, or what the target has now");
        compareWith.addListener(SWT.Selection, e -> showCompare());
        Widgets.name(compareWith, "compareWith");
        hint = new Label(page, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Widgets.name(hint, "hint");

        SashForm sash = new SashForm(page, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        objects = new CheckboxTreeViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        objects.getTree().setHeaderVisible(true);
        Widgets.name(objects.getTree(), "objects");
        column(objects, "Object", 290, e -> e instanceof Group g ? g.label() + " (" + g.members().size() + ")" : ((Definition) e).name(),
                e -> DBShiftUiPlugin.image(imageKey(e instanceof Group g ? g.type() : ((Definition) e).type())));
        column(objects, "On the target", 100, e -> e instanceof Definition d ? status(d) : "", e -> null);
        column(objects, "Review", 90, e -> e instanceof Definition d ? review.getOrDefault(d.key(), "") : "", e -> null);
        objects.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return e instanceof Group g ? g.members().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object e) {
                if (e instanceof Definition d && objects.getInput() instanceof List<?> groups) {
                    return groups.stream().filter(g -> ((Group) g).type().equals(d.type())).findFirst().orElse(null);
                }
                return null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return e instanceof Group g && !g.members().isEmpty();
            }
        });
        objects.addCheckStateListener(e -> {
            List<Definition> affected = e.getElement() instanceof Group g ? g.members() : List.of((Definition) e.getElement());
            for (Definition d : affected) {
                model = model.withExcluded(d.key(), !e.getChecked());
            }
            setModelDirty();
            updateChecks();
            objects.refresh(true);
        });
        objects.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            selected = first instanceof Definition d ? d : null;
            showCompare();
            showColumns();
        });
        ColumnViewerToolTipSupport.enableFor(objects);

        SashForm right = new SashForm(sash, SWT.VERTICAL);
        compareConfig = new CompareConfiguration();
        compareConfig.setLeftEditable(false);
        compareConfig.setRightEditable(false);
        // source on the left, target on the right, whatever the user's "swap left and right" compare preference says
        compareConfig.setProperty(CompareConfiguration.MIRRORED, Boolean.FALSE);
        compare = new TextMergeViewer(right, SWT.BORDER, compareConfig);
        Widgets.name(compare.getControl(), "compare");
        Composite columnsBox = new Composite(right, SWT.NONE);
        columnsBox.setLayout(new GridLayout(1, false));
        Label columnsLabel = new Label(columnsBox, SWT.NONE);
        columnsLabel.setText("Column types (Override: another target type, applied at the next Generate; Lossy values: "
                + "source rows the target type would change or refuse):");
        columns = new TableViewer(columnsBox, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        columns.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        columns.getTable().setHeaderVisible(true);
        columns.getTable().setLinesVisible(true);
        columns.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.name(columns.getTable(), "columns");
        tableColumn("Column", 160, c -> c.column());
        tableColumn("Source type", 150, c -> c.source());
        tableColumn("Generated type", 150, c -> c.target());
        TableViewerColumn override = tableColumn("Override", 170, c -> model.typeOverride(c.schema(), c.table(), c.column())
                .map(o -> o.type()).orElse(""));
        override.setEditingSupport(new EditingSupport(columns) {
            /** One cell editor for every row: a new one per edit would leave its text control behind each time. */
            private TextCellEditor cellEditor;

            @Override
            protected CellEditor getCellEditor(Object element) {
                if (cellEditor == null) {
                    cellEditor = new TextCellEditor(columns.getTable());
                }
                return cellEditor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                ColumnType c = (ColumnType) element;
                return model.typeOverride(c.schema(), c.table(), c.column()).map(o -> o.type()).orElse("");
            }

            @Override
            protected void setValue(Object element, Object value) {
                overrideType((ColumnType) element, String.valueOf(value));
            }
        });
        tableColumn("Lossy values", 220, c -> lossy(c));
        right.setWeights(68, 32);
        sash.setWeights(38, 62);
        return page;
    }

    private void commandButton(Composite bar, String text, String commandId, Image image, String tooltip) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setImage(image);
        b.setToolTipText(tooltip);
        Widgets.name(b, commandId);
        b.addListener(SWT.Selection, e -> runCommand(commandId));
    }

    /** Runs a project command (generate, validate, deploy, migrate) for this editor's project. */
    public void runCommand(String commandId) {
        try {
            var command = getSite().getService(ICommandService.class).getCommand(commandId);
            ParameterizedCommand pc = ParameterizedCommand.generateCommand(command,
                    Map.of(ProjectSelection.PARAMETER, project.getName()));
            getSite().getService(IHandlerService.class).executeCommand(pc, null);
        } catch (Exception e) {
            ErrorDialog.openError(getSite().getShell(), "DBShift", "Cannot run " + commandId + " for " + project.getName(),
                    DBShiftUiPlugin.error(e.getMessage(), e));
        }
    }

    private interface Text {
        String of(Object element);
    }

    private interface Icon {
        Image of(Object element);
    }

    private void column(CheckboxTreeViewer viewer, String title, int width, Text text, Icon icon) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.of(element);
            }

            @Override
            public Image getImage(Object element) {
                return icon.of(element);
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Definition d ? d.key() + "\n" + status(d) + (review.containsKey(d.key()) ? ", " + review.get(d.key()) : "")
                        : null;
            }
        });
    }

    private interface ColumnText {
        String of(ColumnType c);
    }

    private TableViewerColumn tableColumn(String title, int width, ColumnText text) {
        TableViewerColumn c = new TableViewerColumn(columns, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String v = text.of((ColumnType) element);
                return v == null ? "" : v;
            }
        });
        return c;
    }

    static String imageKey(String type) {
        if (type == null) {
            return DBShiftUiPlugin.IMG_SCRIPT;
        }
        return switch (type) {
            case "database" -> DBShiftUiPlugin.IMG_DATABASE;
            case "table" -> DBShiftUiPlugin.IMG_TABLE;
            case "view" -> DBShiftUiPlugin.IMG_VIEW;
            case "function", "procedure" -> DBShiftUiPlugin.IMG_ROUTINE;
            case "trigger" -> DBShiftUiPlugin.IMG_TRIGGER;
            case "event" -> DBShiftUiPlugin.IMG_EVENT;
            case "sequence" -> DBShiftUiPlugin.IMG_INDEX;
            default -> DBShiftUiPlugin.IMG_SCRIPT;
        };
    }

    /** The object's state on the target, in words. */
    public String status(Definition d) {
        if (model.isExcluded(d.key())) {
            return "left out";
        }
        if (d.generated() == null) {
            return d.source() != null ? "not generated" : "only on the target";
        }
        if (d.live() == null) {
            return "new";
        }
        return d.liveMatchesGenerated() ? "same" : "differs";
    }

    private void overrideType(ColumnType c, String type) {
        String t = type == null ? "" : type.trim();
        if (!t.isEmpty()) {
            Dialect target = Dialects.require(Dialects.targetKind(model.targetKind()).dialect());
            if (target.parseType(t).isEmpty()) {
                hint.setText("'" + t + "' is not a " + target.displayName() + " type; column " + c.table() + "." + c.column()
                        + " keeps its generated type.");
                hint.getParent().layout(true, true);
                return;
            }
        }
        model = model.withTypeOverride(c.schema(), c.table(), c.column(), t);
        setModelDirty();
        reprobe(c);
        columns.refresh();
    }

    private static String columnKey(ColumnType c) {
        return c.schema() + "." + c.table() + "." + c.column();
    }

    /** The column's lossy-value summary: probed again after an override, else as the last generation found it. */
    public String lossy(ColumnType c) {
        String again = reprobed.get(columnKey(c));
        return again != null ? again : c.lossy() == null ? "" : c.lossy();
    }

    /**
     * Probes the column's source values for its new type in a background job (with the override not saved yet) and
     * shows the count when it is known. Without a linked source there is nothing to probe.
     */
    private void reprobe(ColumnType c) {
        if (model.source() == null) {
            return;
        }
        ProjectSession session;
        try {
            session = ProjectSession.prepare(getSite().getShell(), project, false);
        } catch (CoreException e) {
            reprobed.put(columnKey(c), "not probed: " + e.getStatus().getMessage());
            return;
        }
        if (session == null) {
            return;
        }
        String key = columnKey(c);
        reprobed.put(key, "probing…");
        var display = getSite().getShell().getDisplay();
        ReprobeColumnJob job = new ReprobeColumnJob(session.withModel(model), c, summary -> {
            reprobed.put(key, summary);
            display.asyncExec(() -> {
                if (!columns.getTable().isDisposed()) {
                    columns.refresh();
                }
            });
        });
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                // a job that could not even connect never reaches its after(): say so instead of "probing…" forever
                if (!event.getResult().isOK() && "probing…".equals(reprobed.get(key))) {
                    reprobed.put(key, "not probed: " + event.getResult().getMessage());
                    display.asyncExec(() -> {
                        if (!columns.getTable().isDisposed()) {
                            columns.refresh();
                        }
                    });
                }
            }
        });
        job.schedule();
    }

    private void setModelDirty() {
        modelDirty = true;
        hint.setText("Your choices (objects left out, column types) are saved with the project and apply at the next Generate.");
        hint.getParent().layout(true, true);
        firePropertyChange(PROP_DIRTY);
        computeReview();
        objects.refresh(true);
    }

    /** Reads the definitions and the review state again (after a generation or an outside change). */
    public void reload() {
        if (!modelDirty) {
            try {
                model = MigrationProjects.read(project);
            } catch (CoreException e) {
                DBShiftUiPlugin.log("cannot read the project file of " + project.getName(), e);
            }
        }
        IFile defs = MigrationProjects.definitions(project);
        try {
            definitions = defs.exists() ? ObjectDefinitions.read(defs.getLocation().toFile().toPath()) : List.of();
        } catch (java.io.IOException e) {
            definitions = List.of();
            DBShiftUiPlugin.log("cannot read the object definitions of " + project.getName(), e);
        }
        computeReview();
        long stamp = defs.exists() ? defs.getModificationStamp() : -1;
        if (stamp != definitionsStamp) {
            // a new generation probed every column with the overrides of its time
            reprobed.clear();
            definitionsStamp = stamp;
        }
        List<Group> groups = new ArrayList<>();
        for (String type : TYPE_ORDER) {
            List<Definition> members = definitions.stream().filter(d -> d.type().equals(type)).toList();
            if (!members.isEmpty()) {
                groups.add(new Group(type, members));
            }
        }
        // groups are new objects after a generation: keep what was open by type
        Set<String> open = new java.util.HashSet<>();
        for (Object e : objects.getExpandedElements()) {
            open.add(((Group) e).type());
        }
        boolean first = objects.getInput() == null;
        objects.setInput(groups);
        if (first) {
            objects.expandToLevel(2);
        } else {
            objects.setExpandedElements(groups.stream().filter(g -> open.contains(g.type())).toArray());
        }
        updateChecks();
        String src = model.source() == null ? "no source linked" : ConnectionStore.get().current(model.source()).name();
        String tgt = model.target() == null ? "no target linked" : ConnectionStore.get().current(model.target()).name();
        String kind = Dialects.targetKinds().stream().filter(k -> k.id().equals(model.targetKind())).map(k -> k.displayName())
                .findFirst().orElse(model.targetKind());
        long edited = review.values().stream().filter(v -> v.startsWith("edited")).count();
        long conflicts = review.values().stream().filter(v -> v.startsWith("conflict")).count();
        summary.setText(src + " → " + tgt + " (" + kind + ", " + model.scope().label().toLowerCase(Locale.ROOT) + ") · "
                + definitions.size() + " objects · " + edited + " edited · " + conflicts + " conflict(s) · " + model.excluded().size()
                + " left out");
        if (!modelDirty) {
            hint.setText(definitions.isEmpty()
                    ? "No script generated yet. Link a source (and a target) connection to the project, then press Generate."
                    : "Select an object to compare its source definition with the target's; untick objects to leave them out.");
        }
        summary.getParent().layout(true, true);
        hint.getParent().layout(true, true);
        if (selected != null) {
            Definition again = ObjectDefinitions.find(definitions, selected.key());
            selected = again;
            if (again != null) {
                objects.setSelection(new StructuredSelection(again), true);
            }
        }
        showCompare();
        showColumns();
    }

    private void updateChecks() {
        List<Object> checked = new ArrayList<>();
        List<Object> grayed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Group> groups = objects.getInput() == null ? List.of() : (List<Group>) objects.getInput();
        for (Group g : groups) {
            long in = g.members().stream().filter(d -> !model.isExcluded(d.key())).count();
            g.members().stream().filter(d -> !model.isExcluded(d.key())).forEach(checked::add);
            if (in > 0) {
                checked.add(g);
            }
            if (in > 0 && in < g.members().size()) {
                grayed.add(g);
            }
        }
        objects.setCheckedElements(checked.toArray());
        objects.setGrayedElements(grayed.toArray());
    }

    /** edited / conflict / type override, per object key. */
    private void computeReview() {
        Map<String, String> r = new LinkedHashMap<>();
        try {
            ScriptSyntax syntax = Dialects.require(Dialects.targetKind(model.targetKind()).dialect()).scriptSyntax();
            String baseText = MigrationProjects.readText(MigrationProjects.generated(project));
            String scriptText = script != null && script.document() != null ? script.text()
                    : MigrationProjects.readText(MigrationProjects.script(project));
            if (baseText != null && scriptText != null) {
                Script base = syntax.parse(baseText);
                Script reviewed = syntax.parse(scriptText);
                Set<String> keys = new java.util.LinkedHashSet<>(base.byObject().keySet());
                for (String key : keys) {
                    var b = ScriptMerge.statementsOf(base, key).stream().map(s -> s.sql().strip()).toList();
                    var v = ScriptMerge.statementsOf(reviewed, key).stream().map(s -> s.sql().strip()).toList();
                    if (!b.equals(v)) {
                        r.put(key, v.isEmpty() ? "edited (removed)" : "edited");
                    }
                }
            }
        } catch (CoreException | RuntimeException e) {
            // a script that does not parse yet (mid-edit) has no review state; the markers say why
        }
        for (IMarker m : ScriptMarkers.conflicts(MigrationProjects.script(project))) {
            r.put(m.getAttribute(ScriptMarkers.OBJECT_KEY, ""), "conflict");
        }
        for (var o : model.typeOverrides()) {
            for (Definition d : definitions) {
                if (d.type().equals("table") && d.columns().stream().anyMatch(c -> o.matches(c.schema(), c.table(), c.column()))) {
                    r.merge(d.key(), "type override", (a, b) -> a + ", " + b);
                }
            }
        }
        review = r;
    }

    private void showCompare() {
        if (compare == null || compare.getControl().isDisposed()) {
            return;
        }
        if (selected == null) {
            compareConfig.setLeftLabel("Source");
            compareConfig.setRightLabel("Target");
            compare.setInput(null);
            return;
        }
        boolean live = compareWith.getSelectionIndex() == 1;
        String src = model.source() == null ? "source" : ConnectionStore.get().current(model.source()).name();
        String tgt = model.target() == null ? "target" : ConnectionStore.get().current(model.target()).name();
        String kind = Dialects.targetKinds().stream().filter(k -> k.id().equals(model.targetKind())).map(k -> k.displayName())
                .findFirst().orElse(model.targetKind());
        compareConfig.setLeftLabel("Source: " + src);
        compareConfig.setRightLabel(live ? "Target as it is now: " + tgt : "Target as DBShift generates it for " + kind);
        String left = selected.source() != null ? selected.source() : "-- not on the source";
        String right = live ? (selected.live() != null ? selected.live() : "-- not on the live target")
                : (selected.generated() != null ? selected.generated() : "-- not generated (left out, or nothing to create)");
        compare.setInput(new DiffNode(new DefinitionElement("source", left), new DefinitionElement("target", right)));
    }

    private void showColumns() {
        if (columns == null || columns.getTable().isDisposed()) {
            return;
        }
        columns.setInput(selected == null ? List.of() : selected.columns());
    }

    /** The left and right texts the comparison shows now (for tests and accessibility). */
    public String[] comparedTexts() {
        Object input = compare.getInput();
        if (input instanceof DiffNode n) {
            return new String[] { ((DefinitionElement) n.getLeft()).text(), ((DefinitionElement) n.getRight()).text() };
        }
        return null;
    }

    public CheckboxTreeViewer objectsViewer() {
        return objects;
    }

    public TableViewer columnsViewer() {
        return columns;
    }

    public Combo compareWith() {
        return compareWith;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public String review(String key) {
        return review.get(key);
    }

    public MigrationProject model() {
        return model;
    }

    public IProject project() {
        return project;
    }

    public SqlEditor scriptEditor() {
        return script;
    }

    public void showScript() {
        setActivePage(scriptPage);
    }

    public boolean isShowingScript() {
        return getActivePage() == scriptPage;
    }

    public void showObjects() {
        setActivePage(0);
    }

    /** Selects an object by key (as the script spells it) on the Objects page. */
    public boolean select(String key) {
        Definition d = ObjectDefinitions.find(definitions, key);
        if (d == null) {
            return false;
        }
        setActivePage(0);
        objects.setSelection(new StructuredSelection(d), true);
        return true;
    }

    /** The Outline view shows the script's objects (a click goes to the Script page). */
    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == org.eclipse.ui.views.contentoutline.IContentOutlinePage.class && script != null) {
            return script.getAdapter(type);
        }
        return super.getAdapter(type);
    }

    @Override
    public boolean isDirty() {
        return modelDirty || super.isDirty();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        org.eclipse.core.runtime.SubMonitor sub = org.eclipse.core.runtime.SubMonitor.convert(monitor, "Saving " + project.getName(), 2);
        if (modelDirty) {
            try {
                MigrationProjects.write(project, model, sub.split(1));
                modelDirty = false;
            } catch (CoreException e) {
                ErrorDialog.openError(getSite().getShell(), "Save", "Cannot save the project file of " + project.getName(), e.getStatus());
                return;
            }
        }
        if (script != null && script.isDirty()) {
            script.doSave(sub.split(1));
        }
        firePropertyChange(PROP_DIRTY);
        reload();
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void gotoMarker(IMarker marker) {
        String type = marker.getAttribute(FindingMarkers.OBJECT_TYPE, null);
        String object = marker.getAttribute(FindingMarkers.OBJECT, null);
        if (type == null || object == null) {
            return;
        }
        String wanted = bare(object);
        for (Definition d : definitions) {
            if (bare(d.name()).equals(wanted) && (d.type().equals(type) || type.equals("routine"))) {
                select(d.key());
                return;
            }
        }
        // a finding about a column or an index belongs to its table
        for (Definition d : definitions) {
            if (d.type().equals("table") && wanted.startsWith(bare(d.name()))) {
                select(d.key());
                return;
            }
        }
    }

    private static String bare(String name) {
        return name.replaceAll("[`\"\\[\\]]", "");
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        IResourceDelta delta = event.getDelta() == null ? null : event.getDelta().findMember(project.getFullPath());
        if (delta == null) {
            return;
        }
        boolean relevant = delta.findMember(MigrationProjects.definitions(project).getProjectRelativePath()) != null
                || delta.findMember(MigrationProjects.projectFile(project).getProjectRelativePath()) != null
                || delta.findMember(MigrationProjects.generated(project).getProjectRelativePath()) != null
                || (delta.findMember(MigrationProjects.script(project).getProjectRelativePath()) != null);
        if (!relevant) {
            return;
        }
        if (!project.exists()) {
            getSite().getShell().getDisplay().asyncExec(() -> getSite().getPage().closeEditor(this, false));
            return;
        }
        getSite().getShell().getDisplay().asyncExec(() -> {
            if (summary != null && !summary.isDisposed()) {
                reload();
            }
        });
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
        super.dispose();
    }

}
