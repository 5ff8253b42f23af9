package dbshift.ui.tests;

import static dbshift.ui.tests.UiTestSupport.button;
import static dbshift.ui.tests.UiTestSupport.click;
import static dbshift.ui.tests.UiTestSupport.named;
import static dbshift.ui.tests.UiTestSupport.onShell;
import static dbshift.ui.tests.UiTestSupport.rethrow;
import static dbshift.ui.tests.UiTestSupport.select;
import static dbshift.ui.tests.UiTestSupport.settle;
import static dbshift.ui.tests.UiTestSupport.type;
import static dbshift.ui.tests.UiTestSupport.waitForJobs;
import static dbshift.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ProjectFile;
import dbshift.core.project.Scope;
import dbshift.embedded.EmbeddedMariaDb;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SampleDatabase;
import dbshift.embedded.SharedServers;
import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.connections.CatalogContentProvider;
import dbshift.ui.connections.CatalogNode;
import dbshift.ui.connections.CatalogNode.ProfileNode;
import dbshift.ui.connections.ConnectionDialog;
import dbshift.ui.connections.ConnectionSecrets;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.connections.Side;
import dbshift.ui.editor.SchemaDiffEditor;
import dbshift.ui.editor.ScriptMarkers;
import dbshift.ui.editor.SqlEditor;
import dbshift.ui.navigator.MigrationNavigator;
import dbshift.ui.preferences.MigrationPreferences;
import dbshift.ui.project.MigrationNature;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.results.RunRecord;
import dbshift.ui.run.EngineJob;
import dbshift.ui.views.ConnectionsView;
import dbshift.ui.views.MigrationResultsView;
import dbshift.ui.views.SourceConnectionsView;
import dbshift.ui.views.TargetConnectionsView;

/**
 * A migration through the workbench as a user does it, against real servers: the sample database {@code shop} on
 * an embedded MariaDB 11.4 to a real MySQL 8.0 (Azure Database for MySQL's engine), driving the real wizard,
 * dialogs, views, editor and commands. The steps build on each other, in order; each saves a screenshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationWorkbenchTest {
    static final String PROJECT = "shop-to-azure";
    static final String TARGET_USER = "dbshift";
    /** The target account's password: it must end up in secure storage only, never in a file in clear text. */
    static final String TARGET_PASSWORD = "Tgt-s3cret!pw-7731";
    static final String WRONG_PASSWORD = "not-the-password-4420";

    private EmbeddedMariaDb maria;
    private EmbeddedMySql mysql;
    private IProject project;

    @BeforeAll
    void servers() throws Exception {
        maria = SharedServers.mariaDb();
        SampleDatabase.create(maria, SampleDatabase.Size.SMALL);
        mysql = SharedServers.mySql();
        try (Connection c = mysqlRoot(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `shop`");
            s.execute("DROP USER IF EXISTS '" + TARGET_USER + "'@'%'");
            s.execute("CREATE USER '" + TARGET_USER + "'@'%' IDENTIFIED BY '" + TARGET_PASSWORD + "'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + TARGET_USER + "'@'%' WITH GRANT OPTION");
            // what the MYSQL-SUPER finding asks for, and what Azure's server parameter of the same name sets
            s.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        }
        UiTestSupport.page().resetPerspective();
        // the whole screen, so that the screenshots show the parts at a useful size
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setBounds(PlatformUI.getWorkbench().getDisplay().getBounds());
        settle(300);
    }

    private Connection mysqlRoot() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new com.mysql.cj.jdbc.Driver().connect(mysql.jdbcUrl(""), p);
    }

    private Connection mariaRoot() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new org.mariadb.jdbc.Driver().connect(maria.jdbcUrl("shop"), p);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A screenshot of one part at full size, as a user who maximised it sees it. */
    private static void shotMaximized(org.eclipse.ui.IWorkbenchPart part, String name) {
        var page = UiTestSupport.page();
        var ref = page.getReference(part);
        page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        settle(400);
        Screenshots.save(name);
        page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        settle(200);
    }

    private void execute(String commandId, Map<String, String> parameters) throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(commandId), parameters), null);
    }

    private void runOnProject(String commandId) throws Exception {
        execute(commandId, Map.of("dbshift.ui.project", PROJECT));
    }

    /** The target starts over: the migrated database dropped, the script generated for it again and deployed. */
    private void emptyTargetWithTheReviewedSchemaDeployed() throws Exception {
        try (Connection c = mysqlRoot(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE `shop`");
            // the copy's checkpoints live on the target too; a fresh target forgets them (the engine does not notice by itself)
            s.execute("DROP DATABASE IF EXISTS `_dbshift`");
        }
        runOnProject("dbshift.ui.generateScript");
        waitForJobs(EngineJob.FAMILY, 180_000);
        var deploy = onShell("Deploy Script", shell -> click(button(shell, "Deploy")));
        runOnProject("dbshift.ui.deploy");
        rethrow(deploy);
        waitForJobs(EngineJob.FAMILY, 180_000);
    }

    /** Types into a column's Override cell through the cell editor, as a user does. */
    private static void overrideInCell(SchemaDiffEditor editor, String column, String type) {
        var columns = editor.columnsViewer();
        Object element = Arrays.stream(((List<?>) columns.getInput()).toArray())
                .filter(c -> ((dbshift.core.project.ObjectDefinitions.ColumnType) c).column().equals(column)).findFirst()
                .orElseThrow();
        columns.editElement(element, 3);
        Text cell = (Text) Arrays.stream(columns.getTable().getChildren()).filter(c -> c instanceof Text && c.isVisible())
                .findFirst().orElseThrow();
        cell.setText(type);
        cell.notifyListeners(SWT.DefaultSelection, new Event());
        settle(200);
    }

    /** The Lossy values cell of a column, as the table shows it. */
    private static String lossyCell(SchemaDiffEditor editor, String column) {
        settle(50);
        for (var item : editor.columnsViewer().getTable().getItems()) {
            if (item.getText(0).equals(column)) {
                return item.getText(4);
            }
        }
        throw new AssertionError("no row for column " + column);
    }

    @Test
    @Order(0)
    void createAProjectThroughTheNewWizard() throws Exception {
        // projects start from the preferences: keep DEFINERs, so that the assessment has a quick fix to offer
        MigrationPreferences.store().setValue(MigrationPreferences.DEFINER, "keep");
        MigrationPreferences.store().setValue(MigrationPreferences.JOBS, 2);
        var failure = onShell("New Migration Project", shell -> {
            type(named(shell, "projectName", Text.class), PROJECT);
            Combo source = named(shell, "sourceEngine", Combo.class);
            select(source, "MariaDB");
            Combo target = named(shell, "targetKind", Combo.class);
            assertTrue(Arrays.asList(target.getItems()).containsAll(List.of("MySQL 8", "Azure Database for MySQL", "MariaDB")),
                    Arrays.toString(target.getItems()));
            select(target, "Azure Database for MySQL");
            click(named(shell, "scope.schema-and-data", org.eclipse.swt.widgets.Button.class));
            settle(200);
            Screenshots.save("01-new-migration-project-wizard");
            click(button(shell, "Finish"));
        });
        // the empty navigator's hint links to the wizard (File > New > Migration Project opens the same)
        MigrationNavigator empty = (MigrationNavigator) UiTestSupport.page().findView(MigrationNavigator.ID);
        assertTrue(empty.panel().isShowingHint());
        empty.panel().hintLink().notifyListeners(SWT.Selection, new Event());
        rethrow(failure);

        project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        assertTrue(project.exists() && MigrationNature.has(project), "the wizard created a migration project");
        MigrationProject model = ProjectFile.read(MigrationProjects.projectFile(project).getLocation().toFile().toPath());
        assertEquals("mariadb", model.sourceEngine());
        assertEquals("azure-mysql", model.targetKind());
        assertEquals(Scope.SCHEMA_AND_DATA, model.scope());
        assertEquals("keep", model.settings().definer().name().toLowerCase());
        assertEquals(2, model.settings().jobs());
        MigrationNavigator navigator = (MigrationNavigator) UiTestSupport.page().findView(MigrationNavigator.ID);
        waitUntil("the navigator to show the project", 5_000, () -> !navigator.panel().isShowingHint());
        navigator.getCommonViewer().expandToLevel(project, 1);
        settle(300);
        Screenshots.save("02-project-in-navigator");
    }

    @Test
    @Order(1)
    void addAndTestBothConnectionsAWrongPasswordIsShownAndNoPasswordIsStoredInClearText() throws Exception {
        var sourceDone = onShell("New Source Connection", shell -> {
            ConnectionDialog dialog = (ConnectionDialog) shell.getData();
            type(named(shell, "name", Text.class), "shop on MariaDB");
            select(named(shell, "engine", Combo.class), "MariaDB");
            type(named(shell, "host", Text.class), "127.0.0.1");
            type(named(shell, "port", Text.class), Integer.toString(maria.port()));
            type(named(shell, "database", Text.class), "shop");
            type(named(shell, "user", Text.class), "root");
            type(named(shell, "password", Text.class), "");
            select(named(shell, "tls", Combo.class), "No TLS");
            click(named(shell, "test", org.eclipse.swt.widgets.Button.class));
            waitUntil("the source test to finish", 60_000, () -> dialog.lastTest() != null);
            assertTrue(dialog.lastTest().startsWith("OK: Connected to MariaDB"), dialog.lastTest());
            Screenshots.save("03-source-connection-tested");
            click(button(shell, "OK"));
        });
        execute("dbshift.ui.connection.add", Map.of("dbshift.ui.side", "source"));
        rethrow(sourceDone);

        var targetDone = onShell("New Target Connection", shell -> {
            ConnectionDialog dialog = (ConnectionDialog) shell.getData();
            type(named(shell, "name", Text.class), "Azure MySQL (MySQL 8)");
            select(named(shell, "engine", Combo.class), "MySQL");
            type(named(shell, "host", Text.class), "127.0.0.1");
            type(named(shell, "port", Text.class), Integer.toString(mysql.port()));
            type(named(shell, "user", Text.class), TARGET_USER);
            type(named(shell, "password", Text.class), WRONG_PASSWORD);
            select(named(shell, "tls", Combo.class), "TLS required (certificate not checked)");
            click(named(shell, "test", org.eclipse.swt.widgets.Button.class));
            waitUntil("the failing test to finish", 60_000, () -> dialog.lastTest() != null);
            assertTrue(dialog.lastTest().startsWith("FAILED:"), dialog.lastTest());
            assertTrue(dialog.getErrorMessage() != null && dialog.getErrorMessage().contains("access denied"),
                    "the dialog shows why: " + dialog.getErrorMessage());
            assertTrue(dialog.getErrorMessage().contains(TARGET_USER), dialog.getErrorMessage());
            assertFalse(dialog.getErrorMessage().contains(WRONG_PASSWORD), "the error must not show the password");
            Screenshots.save("04-target-connection-wrong-password");
            type(named(shell, "password", Text.class), TARGET_PASSWORD);
            click(named(shell, "test", org.eclipse.swt.widgets.Button.class));
            waitUntil("the second test to finish", 60_000, () -> dialog.lastTest() != null);
            assertTrue(dialog.lastTest().startsWith("OK: Connected to MySQL 8.0"), dialog.lastTest());
            click(button(shell, "OK"));
        });
        execute("dbshift.ui.connection.add", Map.of("dbshift.ui.side", "target"));
        rethrow(targetDone);

        ConnectionProfile source = ConnectionStore.get().profiles(Side.SOURCE).get(0);
        ConnectionProfile target = ConnectionStore.get().profiles(Side.TARGET).get(0);
        assertEquals("jdbc:mariadb://127.0.0.1:" + maria.port() + "/shop", source.jdbcUrl());
        assertEquals(TARGET_PASSWORD, new String(ConnectionSecrets.load(target.id())), "the password is in secure storage");

        // duplicate and delete, through the view's commands on its selection
        TargetConnectionsView targets = (TargetConnectionsView) UiTestSupport.page().showView(TargetConnectionsView.ID);
        waitUntil("the target to show", 5_000, () -> targets.node(target.id()) != null);
        targets.viewer().setSelection(new StructuredSelection(targets.node(target.id())), true);
        execute("dbshift.ui.connection.duplicate", Map.of());
        waitUntil("the copy to appear", 5_000, () -> ConnectionStore.get().profiles(Side.TARGET).size() == 2);
        ConnectionProfile copy = ConnectionStore.get().profiles(Side.TARGET).get(1);
        assertEquals("Azure MySQL (MySQL 8) (copy)", copy.name());
        assertEquals(TARGET_PASSWORD, new String(ConnectionSecrets.load(copy.id())));
        waitUntil("the copy to show", 5_000, () -> targets.node(copy.id()) != null);
        targets.viewer().setSelection(new StructuredSelection(targets.node(copy.id())), true);
        var confirm = onShell("Delete Connection", shell -> click(button(shell, "OK")));
        execute("dbshift.ui.connection.delete", Map.of());
        rethrow(confirm);
        assertEquals(1, ConnectionStore.get().profiles(Side.TARGET).size());
        assertEquals(null, ConnectionSecrets.load(copy.id()), "deleting a profile deletes its password");

        // edit: driver properties are kept, a secret typed there is refused before anything is saved
        SourceConnectionsView sources = (SourceConnectionsView) UiTestSupport.page().showView(SourceConnectionsView.ID);
        waitUntil("the source to show", 5_000, () -> sources.node(source.id()) != null);
        sources.viewer().setSelection(new StructuredSelection(sources.node(source.id())), true);
        var edit = onShell("Edit Source Connection", shell -> {
            Text properties = named(shell, "driverProperties", Text.class);
            type(properties, "connectTimeout=7000\npassword=" + WRONG_PASSWORD);
            assertFalse(button(shell, "OK").isEnabled(), "a secret in the driver properties cannot be saved");
            assertTrue(((ConnectionDialog) shell.getData()).getErrorMessage().contains("secure storage"));
            type(properties, "connectTimeout=7000");
            assertTrue(named(shell, "url", org.eclipse.swt.widgets.Label.class).getText().startsWith("jdbc:mariadb://127.0.0.1:"));
            click(button(shell, "OK"));
        });
        execute("dbshift.ui.connection.edit", Map.of());
        rethrow(edit);
        assertEquals("7000", ConnectionStore.get().find(source.id()).orElseThrow().properties().get("connectTimeout"));

        // no file of the workspace (metadata included) nor the keyring holds either password in clear text
        Path workspace = ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(workspace)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        Path keyring = Paths.get(System.getProperty("dbshift.test.keyring"));
        assertTrue(Files.exists(keyring), "the passwords went to the test's secure storage " + keyring);
        files.add(keyring);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("connections.json")), "profiles were saved");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(TARGET_PASSWORD), f + " contains the target password in clear text");
            assertFalse(text.contains(WRONG_PASSWORD), f + " contains the mistyped password in clear text");
        }
        Screenshots.save("05-connections-saved");
    }

    @Test
    @Order(2)
    void browseTheSourceCatalogLazily() throws Exception {
        SourceConnectionsView view = (SourceConnectionsView) UiTestSupport.page().showView(SourceConnectionsView.ID);
        ProfileNode node = view.node(ConnectionStore.get().profiles(Side.SOURCE).get(0).id());
        view.viewer().expandToLevel(node, 1);
        waitUntil("the profile to connect", 60_000, () -> node.isConnected() || node.error() != null);
        assertTrue(node.isConnected(), String.valueOf(node.error()));
        CatalogNode shop = child(node, "shop");
        waitUntil("the databases to show", 10_000, () -> view.viewer().testFindItem(shop) != null);
        view.viewer().expandToLevel(shop, 1);
        var schema = (CatalogNode.SchemaNode) shop;
        waitUntil("database shop to load", 60_000, () -> shop.children() != null || schema.error() != null);
        assertEquals(null, schema.error());
        CatalogNode tables = child(shop, "Tables");
        CatalogNode orders = child(tables, "orders");
        waitUntil("the folders to show", 10_000, () -> view.viewer().testFindItem(tables) != null);
        view.viewer().expandToLevel(tables, 1);
        view.viewer().expandToLevel(orders, 2);
        CatalogNode columns = child(orders, "Columns");
        assertTrue(columns.children().stream().anyMatch(c -> c.label().equals("id") && c.detail().contains("(PK)")),
                "orders.id is shown as the primary key: " + columns.children());
        assertFalse(child(orders, "Keys").children().isEmpty());
        assertTrue(child(shop, "Views").children().size() >= 3);
        assertTrue(child(shop, "Triggers").children().size() >= 2);
        assertTrue(child(shop, "Procedures and functions").children().size() >= 4);
        view.viewer().setSelection(new StructuredSelection(child(columns, "id")), true);
        waitForJobs(CatalogContentProvider.FAMILY, 30_000);
        shotMaximized(view, "06-source-catalog-browsed");
    }

    private static CatalogNode child(CatalogNode parent, String label) {
        assertNotNull(parent.children(), parent + " is not loaded");
        return parent.children().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' under " + parent + ": " + parent.children()));
    }

    @Test
    @Order(3)
    void linkTheConnectionsAssessAndApplyTheQuickFix() throws Exception {
        for (Side side : Side.values()) {
            ConnectionsView view = (ConnectionsView) UiTestSupport.page()
                    .showView(side == Side.SOURCE ? SourceConnectionsView.ID : TargetConnectionsView.ID);
            ProfileNode node = view.node(ConnectionStore.get().profiles(side).get(0).id());
            view.viewer().setSelection(new StructuredSelection(node), true);
            UiTestSupport.page().activate(view);
            execute("dbshift.ui.connection.link", Map.of("dbshift.ui.project", PROJECT));
        }
        MigrationProject model = MigrationProjects.read(project);
        assertEquals("shop on MariaDB", model.source().name());
        assertEquals("Azure MySQL (MySQL 8)", model.target().name());
        assertFalse(Files.readString(MigrationProjects.projectFile(project).getLocation().toFile().toPath())
                .contains(TARGET_PASSWORD));

        runOnProject("dbshift.ui.assess");
        waitForJobs(EngineJob.FAMILY, 120_000);
        IMarker[] findings = FindingMarkers.of(project);
        assertTrue(findings.length > 5, "findings: " + findings.length);
        IMarker definer = Arrays.stream(findings)
                .filter(m -> "MYSQL-DEFINER".equals(m.getAttribute(FindingMarkers.RULE_ID, ""))
                        && "BLOCKING".equals(m.getAttribute(FindingMarkers.ENGINE_SEVERITY, "")))
                .findFirst().orElseThrow(() -> new AssertionError("Azure refuses foreign DEFINERs: a blocking finding is expected"));
        assertEquals(IMarker.SEVERITY_ERROR, definer.getAttribute(IMarker.SEVERITY, -1));
        assertNotNull(definer.getAttribute(FindingMarkers.FIX_HINT, null));
        assertTrue(definer.getAttribute(IMarker.MESSAGE, "").startsWith("[MYSQL-DEFINER]"));

        UiTestSupport.page().showView(IPageLayout.ID_PROBLEM_VIEW);
        MigrationNavigator navigator = (MigrationNavigator) UiTestSupport.page().showView(MigrationNavigator.ID);
        navigator.getCommonViewer().expandToLevel(project, 2);
        settle(500);
        Screenshots.save("07-assessment-problems-view");
        shotMaximized(navigator, "07a-assessment-findings-in-navigator");

        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(definer);
        assertEquals(1, fixes.length, "one quick fix: strip the DEFINER");
        assertTrue(fixes[0].getLabel().contains("definer=strip"), fixes[0].getLabel());
        fixes[0].run(definer);
        waitForJobs(EngineJob.FAMILY, 120_000);
        assertEquals("STRIP", MigrationProjects.read(project).settings().definer().name());
        assertTrue(Arrays.stream(FindingMarkers.of(project)).noneMatch(
                m -> "MYSQL-DEFINER".equals(m.getAttribute(FindingMarkers.RULE_ID, ""))
                        && "BLOCKING".equals(m.getAttribute(FindingMarkers.ENGINE_SEVERITY, ""))),
                "after the quick fix no DEFINER finding blocks");
    }

    @Test
    @Order(4)
    void generateReviewEditAndValidateInTheSchemaDiffEditor() throws Exception {
        runOnProject("dbshift.ui.generateScript");
        waitForJobs(EngineJob.FAMILY, 180_000);
        IFile scriptFile = MigrationProjects.script(project);
        String generated = MigrationProjects.readText(scriptFile);
        assertTrue(generated.contains("CREATE TABLE `shop`.`orders`"), generated);
        assertFalse(generated.contains("DEFINER="), "DEFINERs are stripped as the quick fix set");

        SchemaDiffEditor editor = (SchemaDiffEditor) IDE.openEditor(UiTestSupport.page(), MigrationProjects.projectFile(project));
        waitUntil("definitions", 10_000, () -> !editor.definitions().isEmpty());
        assertTrue(editor.select("table `shop`.`orders`"));
        settle(500);
        String[] compared = editor.comparedTexts();
        assertTrue(compared[0].startsWith("CREATE TABLE `shop`.`orders`"), compared[0]);
        assertTrue(compared[1].startsWith("CREATE TABLE `shop`.`orders`"), compared[1]);
        assertEquals("new", editor.status(definition(editor, "table `shop`.`orders`")));
        shotMaximized(editor, "08-schema-diff-editor");

        // leave a view out, through the tree's real check box
        TreeItem view = item(editor.objectsViewer().getTree().getItems(), "`shop`.`top_customers`");
        assertNotNull(view, "the view is listed");
        view.setChecked(false);
        Event check = new Event();
        check.detail = SWT.CHECK;
        check.item = view;
        editor.objectsViewer().getTree().notifyListeners(SWT.Selection, check);
        assertTrue(editor.model().isExcluded("view `shop`.`top_customers`"));
        assertTrue(editor.isDirty());

        // override a column's type through the Override cell editor
        assertTrue(editor.select("table `shop`.`customers`"));
        settle(200);
        var columns = editor.columnsViewer();
        Object email = Arrays.stream(((List<?>) columns.getInput()).toArray())
                .filter(c -> ((dbshift.core.project.ObjectDefinitions.ColumnType) c).column().equals("email")).findFirst()
                .orElseThrow();
        columns.editElement(email, 3);
        Text cell = (Text) Arrays.stream(columns.getTable().getChildren()).filter(c -> c instanceof Text).findFirst().orElseThrow();
        cell.setText("varchar(320)");
        cell.notifyListeners(SWT.DefaultSelection, new Event());
        settle(200);
        assertEquals("varchar(320)", editor.model().typeOverride("shop", "customers", "email").orElseThrow().type());
        shotMaximized(editor, "09-schema-diff-type-override");

        // a narrower type: the column's source values are probed again in the background, and the count shown
        Throwable lossyFailure = null;
        try {
            long longNames;
            try (Connection c = mariaRoot()) {
                longNames = count(c, "SELECT COUNT(*) FROM shop.customers WHERE CHAR_LENGTH(name) > 5");
            }
            assertTrue(longNames > 0, "the sample data has names longer than 5 characters");
            overrideInCell(editor, "name", "varchar(5)");
            assertEquals("varchar(5)", editor.model().typeOverride("shop", "customers", "name").orElseThrow().type());
            waitForJobs(EngineJob.FAMILY, 120_000);
            waitUntil("the re-probed count", 10_000, () -> !lossyCell(editor, "name").equals("probing…"));
            assertEquals(longNames + " (DATA-TRUNCATION)", lossyCell(editor, "name"));
            shotMaximized(editor, "09b-schema-diff-lossy-values");
        } catch (Throwable t) {
            lossyFailure = t;
        }
        // taken back: the generated type holds every value, nothing to count
        overrideInCell(editor, "name", "");
        waitForJobs(EngineJob.FAMILY, 120_000);
        if (lossyFailure == null) {
            waitUntil("the re-probed count", 10_000, () -> lossyCell(editor, "name").isEmpty());
        }
        assertTrue(editor.model().typeOverride("shop", "customers", "name").isEmpty());

        // the Outline view lists the script's objects by phase; a click shows the statement on the Script page
        var outline = (org.eclipse.ui.views.contentoutline.ContentOutline) UiTestSupport.page().showView(IPageLayout.ID_OUTLINE);
        UiTestSupport.page().activate(editor);
        settle(300);
        var outlinePage = (dbshift.ui.editor.SqlOutlinePage) outline.getCurrentPage();
        var outlineTree = outlinePage.getControl() instanceof org.eclipse.swt.widgets.Tree t ? t : null;
        assertNotNull(outlineTree);
        List<String> phases = Arrays.stream(outlineTree.getItems()).map(TreeItem::getText).toList();
        assertTrue(phases.contains("Tables (13)"), phases.toString());
        TreeItem ordersItem = item(outlineTree.getItems(), "`shop`.`orders`  [table]");
        assertNotNull(ordersItem, "the outline lists the table");
        outlineTree.setSelection(ordersItem);
        outlineTree.notifyListeners(SWT.Selection, new Event());
        settle(300);
        assertTrue(editor.isShowingScript(), "the click went to the Script page");
        StyledText shown = (StyledText) editor.scriptEditor().getAdapter(Control.class);
        assertTrue(shown.getText().substring(shown.getCaretOffset()).startsWith("-- [table] `shop`.`orders`"),
                "the caret is at the table's header");
        Screenshots.save("10a-script-outline");

        // edit a statement in the script, as typed in the editor
        editor.showScript();
        SqlEditor sql = editor.scriptEditor();
        StyledText styled = (StyledText) sql.getAdapter(Control.class);
        String text = styled.getText();
        int at = text.indexOf(";", text.indexOf("CREATE TABLE `shop`.`categories`"));
        styled.setSelection(at);
        styled.insert(" COMMENT='reviewed by the DBA'");
        assertTrue(sql.isDirty());
        UiTestSupport.page().saveEditor(editor, false);
        waitForJobs(EngineJob.FAMILY, 60_000);
        assertFalse(editor.isDirty());
        MigrationProject saved = MigrationProjects.read(project);
        assertTrue(saved.isExcluded("view `shop`.`top_customers`"), "Save keeps the review choices in the project file");
        assertTrue(MigrationProjects.readText(scriptFile).contains("COMMENT='reviewed by the DBA'"));
        assertEquals(0, errors(scriptFile), "the reviewed script is valid for MySQL 8: " + messages(scriptFile));

        // a statement the target rejects is marked at its line
        text = styled.getText();
        int bad = text.indexOf("CREATE TABLE `shop`.`stores`");
        styled.replaceTextRange(bad, "CREATE TABLE".length(), "CREATE TABEL");
        UiTestSupport.page().saveEditor(editor, false);
        waitForJobs(EngineJob.FAMILY, 60_000);
        IMarker[] problems = ScriptMarkers.problems(scriptFile);
        IMarker error = Arrays.stream(problems).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR)
                .findFirst().orElseThrow(() -> new AssertionError("the dry run must reject CREATE TABEL"));
        assertEquals(styled.getLineAtOffset(bad) + 1, error.getAttribute(IMarker.LINE_NUMBER, -1));
        assertTrue(error.getAttribute(IMarker.MESSAGE, "").contains("table `shop`.`stores`"), error.getAttribute(IMarker.MESSAGE, ""));
        sql.selectAndReveal(bad, 0);
        shotMaximized(editor, "10-script-editor-validation-marker");
        styled.replaceTextRange(bad, "CREATE TABEL".length(), "CREATE TABLE");
        UiTestSupport.page().saveEditor(editor, false);
        waitForJobs(EngineJob.FAMILY, 60_000);
        assertEquals(0, errors(scriptFile), messages(scriptFile));

        // regenerate: the edit survives, the choices apply
        runOnProject("dbshift.ui.generateScript");
        waitForJobs(EngineJob.FAMILY, 180_000);
        String regenerated = MigrationProjects.readText(scriptFile);
        assertTrue(regenerated.contains("COMMENT='reviewed by the DBA'"), "the edit survived the regeneration");
        assertFalse(regenerated.contains("VIEW `shop`.`top_customers`"), "the view left out is not generated");
        assertTrue(regenerated.contains("`email` varchar(320)"), "the overridden type is generated");
        assertEquals(0, ScriptMarkers.conflicts(scriptFile).length);
        waitUntil("the editor to reload", 10_000, () -> "edited".equals(editor.review("table `shop`.`categories`")));

        // the source changes under an edited object: the edit is kept and flagged
        try (Connection c = mariaRoot(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE `shop`.`categories` ADD COLUMN `sort_order` int NOT NULL DEFAULT 0");
        }
        runOnProject("dbshift.ui.generateScript");
        waitForJobs(EngineJob.FAMILY, 180_000);
        assertTrue(MigrationProjects.readText(scriptFile).contains("COMMENT='reviewed by the DBA'"));
        IMarker[] conflicts = ScriptMarkers.conflicts(scriptFile);
        assertEquals(1, conflicts.length);
        assertEquals("table `shop`.`categories`", conflicts[0].getAttribute(ScriptMarkers.OBJECT_KEY, ""));
        waitUntil("the editor to show the conflict", 10_000, () -> "conflict".equals(editor.review("table `shop`.`categories`")));
        editor.showObjects();
        editor.select("table `shop`.`categories`");
        settle(300);
        shotMaximized(editor, "11-regenerated-with-conflict");

        // take the regenerated statements through the conflict's quick fix
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(conflicts[0]);
        assertEquals(1, fixes.length);
        fixes[0].run(conflicts[0]);
        settle(300);
        String resolved = MigrationProjects.readText(scriptFile);
        assertTrue(resolved.contains("`sort_order` int"), "the regenerated table has the new column");
        assertEquals(0, ScriptMarkers.conflicts(scriptFile).length);
        if (lossyFailure != null) {
            throw new AssertionError("the lossy-value count of an overridden column", lossyFailure);
        }
    }

    private static dbshift.core.project.ObjectDefinitions.Definition definition(SchemaDiffEditor editor, String key) {
        return editor.definitions().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private static TreeItem item(TreeItem[] items, String text) {
        for (TreeItem i : items) {
            if (i.getText().equals(text)) {
                return i;
            }
            TreeItem found = item(i.getItems(), text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static long errors(IFile file) {
        return Arrays.stream(ScriptMarkers.problems(file)).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR)
                .count();
    }

    private static String messages(IFile file) {
        return String.join("\n", Arrays.stream(ScriptMarkers.problems(file)).map(m -> m.getAttribute(IMarker.MESSAGE, "")).toList());
    }

    @Test
    @Order(5)
    void deployTheReviewedScriptAndMigrateTheData() throws Exception {
        var deploy = onShell("Deploy Script", shell -> click(button(shell, "Deploy")));
        runOnProject("dbshift.ui.deploy");
        rethrow(deploy);
        waitForJobs(EngineJob.FAMILY, 180_000);
        try (Connection c = mysqlRoot()) {
            assertEquals(count(mariaRoot(), "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' "
                    + "AND TABLE_TYPE = 'BASE TABLE'"),
                    count(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_TYPE = 'BASE TABLE'"),
                    "every table was created");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM shop.orders"));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' "
                    + "AND TABLE_NAME = 'categories' AND COLUMN_NAME = 'sort_order'"), "the regenerated definition was deployed");
            assertEquals("varchar", scalar(c, "SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' "
                    + "AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'email'"));
            assertEquals(320L, count(c, "SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' "
                    + "AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'email'"), "the overridden type was deployed");
        }
        MigrationResultsView results = (MigrationResultsView) UiTestSupport.page().findView(MigrationResultsView.ID);
        waitUntil("the deploy's report", 10_000, () -> results.record() != null && results.record().folder() != null);
        assertTrue(results.record().list("objects").size() >= 14, "the deploy reports every object it created");
        assertEquals(2, results.tabs().getSelectionIndex(), "a deploy's results open on its objects");
        shotMaximized(results, "12-deployed-schema-results");

        var migrate = onShell("Migrate Data", shell -> click(button(shell, "Migrate")));
        runOnProject("dbshift.ui.migrateData");
        rethrow(migrate);
        waitForJobs(EngineJob.FAMILY, 300_000);
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            for (String table : List.of("orders", "order_items", "customers", "payments")) {
                assertEquals(count(source, "SELECT COUNT(*) FROM shop." + table), count(target, "SELECT COUNT(*) FROM shop." + table),
                        table + " rows");
            }
            assertTrue(count(target, "SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'shop'") >= 2,
                    "views follow the data");
            assertEquals(0, count(target, "SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'shop' "
                    + "AND TABLE_NAME = 'top_customers'"), "the view left out was not created");
        }
        waitUntil("the data run's report", 10_000, () -> results.record() != null && results.record().folder() != null
                && results.record().folder().getFileName().toString().endsWith("-data"));
        RunRecord run = results.record();
        List<Map<String, Object>> tables = run.list("tables");
        assertFalse(tables.isEmpty());
        Map<String, Object> orders = tables.stream().filter(t -> "orders".equals(t.get("name"))).findFirst().orElseThrow();
        assertEquals("match", orders.get("checksum"));
        assertEquals(orders.get("sourceRows"), orders.get("targetRows"));
        assertEquals("ok", run.report().get("status"), "the data run passed: " + run.report().get("steps"));
        results.tabs().setSelection(0);
        shotMaximized(results, "13-migrated-data-results");

        // filter and sort like a user
        var tableViewer = results.table("tables");
        type(results.filter(), "order");
        settle(200);
        int shown = tableViewer.getTable().getItemCount();
        assertTrue(shown >= 2 && shown < tables.size(), "the filter keeps the order tables: " + shown);
        type(results.filter(), "");
        var millisColumn = tableViewer.getTable().getColumn(6);
        millisColumn.notifyListeners(SWT.Selection, new Event());
        millisColumn.notifyListeners(SWT.Selection, new Event());
        settle(200);
        long first = ((Number) ((Map<?, ?>) tableViewer.getElementAt(0)).get("millis")).longValue();
        long second = ((Number) ((Map<?, ?>) tableViewer.getElementAt(1)).get("millis")).longValue();
        assertTrue(first >= second, "sorted by time, longest first");

        results.tabs().setSelection(results.tabs().getItemCount() - 1);
        settle(300);
        assertFalse(results.throughputChart().samples().isEmpty(), "throughput was sampled during the copy");
        assertEquals(tables.size(), results.durationChart().tables().size());
        shotMaximized(results, "14-results-charts");
    }

    @Test
    @Order(6)
    void exportTheReportAndOpenAPastRun() throws Exception {
        Path dir = Paths.get(System.getProperty("dbshift.screenshots", "target/screenshots")).resolveSibling("exported");
        Path json = dir.resolve("report.json");
        Path csv = dir.resolve("report.csv");
        Files.deleteIfExists(json);
        Files.deleteIfExists(csv);
        execute("dbshift.ui.exportReport", Map.of("dbshift.ui.format", "json", "dbshift.ui.path", json.toString()));
        execute("dbshift.ui.exportReport", Map.of("dbshift.ui.format", "csv", "dbshift.ui.path", csv.toString()));
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, report.path("reportVersion").asInt());
        assertTrue(report.path("tables").size() > 5);
        String csvText = Files.readString(csv);
        assertTrue(csvText.startsWith("section,type,schema,name,status"), csvText.substring(0, 60));
        assertTrue(csvText.contains("table,table,shop,orders,OK"), "the CSV has a row per table");
        assertFalse(Files.readString(json).contains(TARGET_PASSWORD));

        // a past run: the deploy's report, opened from the navigator's runs folder
        IFile deployReport = Arrays.stream(MigrationProjects.runs(project).members())
                .filter(r -> r.getName().endsWith("-deploy")).map(r -> ((org.eclipse.core.resources.IFolder) r).getFile("report.json"))
                .findFirst().orElseThrow();
        MigrationNavigator navigator = (MigrationNavigator) UiTestSupport.page().showView(MigrationNavigator.ID);
        navigator.getCommonViewer().expandToLevel(MigrationProjects.runs(project), 1);
        navigator.selectReveal(new StructuredSelection(deployReport));
        // each run folder says how it ended, read from its report
        waitUntil("the runs to be decorated", 10_000, () -> Arrays.stream(navigator.getCommonViewer().getTree().getItems())
                .flatMap(i -> Arrays.stream(i.getItems())).flatMap(i -> Arrays.stream(i.getItems()))
                .anyMatch(i -> i.getText().endsWith("-data  ok · 13 tables, 21,010 rows")
                        || i.getText().matches(".*-data  ok · 13 tables, [0-9,]+ rows")));
        shotMaximized(navigator, "15-navigator-past-runs");
        IDE.openEditor(UiTestSupport.page(), deployReport);
        MigrationResultsView results = (MigrationResultsView) UiTestSupport.page().findView(MigrationResultsView.ID);
        waitUntil("the past run to show", 10_000, () -> results.record() != null
                && results.record().folder().getFileName().toString().endsWith("-deploy"));
        assertFalse(results.record().list("statements").isEmpty() && results.record().list("objects").isEmpty());
        assertTrue(results.getContentDescription().startsWith("Report: "), results.getContentDescription());
        results.tabs().setSelection(2);
        shotMaximized(results, "16-past-run-report");
    }

    @Test
    @Order(7)
    void cancellingTheCopyStopsAtASafePointTheResultsSaySoAndARerunResumes() throws Exception {
        emptyTargetWithTheReviewedSchemaDeployed();

        var migrate = onShell("Migrate Data", shell -> click(button(shell, "Migrate")));
        runOnProject("dbshift.ui.migrateData");
        rethrow(migrate);
        // the user presses the job's Cancel as soon as it shows
        waitUntil("the data job to run", 20_000, () -> Arrays.stream(Job.getJobManager().find(EngineJob.FAMILY))
                .anyMatch(j -> j.getState() == Job.RUNNING) && dbshift.ui.results.Runs.current() != null
                && dbshift.ui.results.Runs.current().isRunning());
        for (Job job : Job.getJobManager().find(EngineJob.FAMILY)) {
            job.cancel();
        }
        waitForJobs(EngineJob.FAMILY, 180_000);
        MigrationResultsView results = (MigrationResultsView) UiTestSupport.page().findView(MigrationResultsView.ID);
        waitUntil("the cancelled run's report (shown: " + (results.record() == null ? null : results.record().title() + " "
                + results.record().folder()) + ", current: " + dbshift.ui.results.Runs.current().folder() + ")", 10_000,
                () -> results.record() != null && results.record().folder() != null
                        && results.record().folder().getFileName().toString().endsWith("-data"));
        RunRecord cancelled = results.record();
        assertEquals("failed", cancelled.report().get("status"), "a cancelled run does not pass");
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            for (Map<String, Object> t : cancelled.list("tables")) {
                String table = "shop.`" + String.valueOf(t.get("name")).replace("`", "``") + "`";
                long onTarget = count(target, "SELECT COUNT(*) FROM " + table);
                long onSource = count(source, "SELECT COUNT(*) FROM " + table);
                if ("ok".equals(t.get("status"))) {
                    assertEquals(onSource, onTarget, t.get("name") + " is reported complete, so it must be");
                } else {
                    assertTrue(String.valueOf(t.get("message")).contains("cancelled"), "why " + t.get("name") + " stopped: " + t);
                    assertTrue(onTarget <= onSource, t.get("name") + " holds no more rows than the source");
                }
            }
        }
        results.tabs().setSelection(0);
        shotMaximized(results, "17-cancelled-copy-results");

        var again = onShell("Migrate Data", shell -> click(button(shell, "Migrate")));
        runOnProject("dbshift.ui.migrateData");
        rethrow(again);
        waitForJobs(EngineJob.FAMILY, 300_000);
        waitUntil("the resumed run's report", 10_000, () -> results.record() != cancelled && results.record().folder() != null);
        assertEquals("ok", results.record().report().get("status"), "the rerun completes: " + results.record().report().get("steps"));
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            for (String table : List.of("orders", "order_items", "customers")) {
                assertEquals(count(source, "SELECT COUNT(*) FROM shop." + table), count(target, "SELECT COUNT(*) FROM shop." + table));
            }
        }
    }

    @Test
    @Order(8)
    void afterTheMigrationTheEditorComparesWithTheLiveTarget() throws Exception {
        runOnProject("dbshift.ui.generateScript");
        waitForJobs(EngineJob.FAMILY, 180_000);
        SchemaDiffEditor editor = (SchemaDiffEditor) IDE.openEditor(UiTestSupport.page(), MigrationProjects.projectFile(project));
        waitUntil("definitions with the live target", 10_000,
                () -> editor.definitions().stream().anyMatch(d -> d.key().equals("table `shop`.`orders`") && d.live() != null));
        assertTrue(editor.select("table `shop`.`orders`"));
        select(editor.compareWith(), "Live target");
        settle(300);
        String[] compared = editor.comparedTexts();
        assertTrue(compared[1].startsWith("CREATE TABLE `shop`.`orders`"), "the right side is the live table: " + compared[1]);
        String status = editor.status(definition(editor, "table `shop`.`orders`"));
        assertTrue(status.equals("same") || status.equals("differs"), status);
        // deployed as generated: the server's way of printing a generated column back is no difference
        dbshift.core.project.ObjectDefinitions.Definition items = definition(editor, "table `shop`.`order_items`");
        assertEquals("same", editor.status(items), "generated:\n" + items.generated() + "\nlive:\n" + items.live());
        assertFalse(MigrationProjects.readText(MigrationProjects.script(project)).contains("CREATE TABLE `shop`.`orders`"),
                "against a migrated target the plan no longer creates what is there");
        shotMaximized(editor, "18-compare-with-live-target");
        select(editor.compareWith(), "Generated for the target");
    }

    @Test
    @Order(9)
    void theSourceKeepsChangingSyncFollowsItAndCutOverVerifiesEveryTable() throws Exception {
        // the project holds triggers back for cutover, so that replicated changes do not fire them on the target
        MigrationProject model = MigrationProjects.read(project);
        MigrationProjects.write(project, model.withSettings(model.settings().withDeferTriggers(true)), null);
        emptyTargetWithTheReviewedSchemaDeployed();
        var migrate = onShell("Migrate Data", shell -> click(button(shell, "Migrate")));
        runOnProject("dbshift.ui.migrateData");
        rethrow(migrate);
        waitForJobs(EngineJob.FAMILY, 300_000);
        String triggers = "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'shop'";
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            assertEquals(0, count(target, triggers), "Migrate Data left the triggers for cutover");
            assertTrue(count(source, triggers) >= 2);
        }

        // the applications go on writing; Sync Changes applies what they wrote
        assertTrue(SampleDatabase.simulateTraffic(maria) > 400);
        var sync = onShell("Sync Changes", shell -> click(button(shell, "Sync")));
        runOnProject("dbshift.ui.sync");
        rethrow(sync);
        waitForJobs(EngineJob.FAMILY, 180_000);
        MigrationResultsView results = (MigrationResultsView) UiTestSupport.page().findView(MigrationResultsView.ID);
        waitUntil("the sync's report", 10_000, () -> results.record() != null && results.record().folder() != null
                && results.record().folder().getFileName().toString().endsWith("-sync"));
        assertEquals("ok", results.record().report().get("status"), "the sync passed: " + results.record().report().get("steps"));
        Map<String, Object> syncStep = results.record().list("steps").stream().filter(st -> "sync".equals(st.get("step")))
                .findFirst().orElseThrow();
        assertTrue(String.valueOf(syncStep.get("message")).contains("caught up with the source"), syncStep.toString());
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            for (String table : List.of("orders", "order_items", "customers", "sessions")) {
                assertEquals(count(source, "SELECT COUNT(*) FROM shop." + table), count(target, "SELECT COUNT(*) FROM shop." + table),
                        table + " rows after the sync");
            }
            assertEquals(count(source, "SELECT COUNT(*) FROM shop.orders WHERE note = 'after the copy ✓'"),
                    count(target, "SELECT COUNT(*) FROM shop.orders WHERE note = 'after the copy ✓'"));
        }
        results.tabs().setSelection(1); // the steps: what the sync applied, from where to where
        shotMaximized(results, "19-sync-results");

        // a row changed behind DBShift's back on the target: Repair Data copies exactly its slice again
        try (Connection target = mysqlRoot(); Statement s = target.createStatement()) {
            s.executeUpdate("UPDATE shop.customers SET name = 'drift' WHERE id = 7");
        }
        var repair = onShell("Repair Data", shell -> click(button(shell, "Repair")));
        runOnProject("dbshift.ui.repair");
        rethrow(repair);
        waitForJobs(EngineJob.FAMILY, 180_000);
        waitUntil("the repair's report", 10_000, () -> results.record() != null && results.record().folder() != null
                && results.record().folder().getFileName().toString().endsWith("-repair"));
        assertTrue(results.record().list("tables").stream().anyMatch(t -> "customers".equals(t.get("name"))
                && String.valueOf(t.get("message")).contains("differed and were copied again")), results.record().list("tables").toString());
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            assertEquals(count(source, "SELECT COUNT(*) FROM shop.customers WHERE id = 7 AND name <> 'drift'"),
                    count(target, "SELECT COUNT(*) FROM shop.customers WHERE id = 7 AND name <> 'drift'"), "repaired");
        }

        // more writes (which fire the source's audit trigger), then the switch-over, with the way back kept open
        try (Connection source = mariaRoot(); Statement s = source.createStatement()) {
            s.executeUpdate("UPDATE orders SET status = 'shipped' WHERE id % 17 = 0");
        }
        var cutover = onShell("Cut Over", shell -> click(button(shell, "Cut Over with Fallback")));
        runOnProject("dbshift.ui.cutover");
        rethrow(cutover);
        waitForJobs(EngineJob.FAMILY, 180_000);
        waitUntil("the cutover's report", 10_000, () -> results.record() != null && results.record().folder() != null
                && results.record().folder().getFileName().toString().endsWith("-cutover"));
        RunRecord run = results.record();
        assertEquals("ok", run.report().get("status"), "the cutover passed: " + run.report().get("steps"));
        assertTrue(run.list("steps").stream().anyMatch(st -> "cutover".equals(st.get("step")) && "ok".equals(st.get("status"))),
                run.list("steps").toString());
        assertTrue(run.list("tables").stream().allMatch(t -> "match".equals(t.get("checksum"))), "every table verified: "
                + run.list("tables"));
        try (Connection target = mysqlRoot(); Connection source = mariaRoot()) {
            assertEquals(count(source, triggers), count(target, triggers), "cutover created the triggers held back");
            assertEquals(count(source, "SELECT COUNT(*) FROM shop.audit_trail"), count(target, "SELECT COUNT(*) FROM shop.audit_trail"));
        }
        shotMaximized(results, "20-cutover-results");

        // the applications now write to the target; Sync Back to Source keeps the old source in step
        try (Connection target = mysqlRoot(); Statement s = target.createStatement()) {
            s.executeUpdate("UPDATE shop.customers SET name = 'after the switch' WHERE id = 8");
        }
        var back = onShell("Sync Back to Source", shell -> click(button(shell, "Sync Back")));
        runOnProject("dbshift.ui.fallbackSync");
        rethrow(back);
        waitForJobs(EngineJob.FAMILY, 180_000);
        try (Connection source = mariaRoot()) {
            assertEquals(1, count(source, "SELECT COUNT(*) FROM shop.customers WHERE id = 8 AND name = 'after the switch'"),
                    "the target's change reached the old source");
        }
    }

    @Test
    @Order(10)
    void theProjectPropertiesEditTheOptionsInTheProjectFile() throws Exception {
        var dialog = org.eclipse.ui.dialogs.PreferencesUtil.createPropertyDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), project,
                dbshift.ui.project.MigrationPropertyPage.ID, new String[] { dbshift.ui.project.MigrationPropertyPage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        var shell = dialog.getShell();
        settle(300);
        org.eclipse.swt.widgets.Spinner jobs = named(shell, "jobs", org.eclipse.swt.widgets.Spinner.class);
        jobs.setSelection(3);
        click(named(shell, "scope.schema", org.eclipse.swt.widgets.Button.class));
        named(shell, "scope.schema-and-data", org.eclipse.swt.widgets.Button.class).setSelection(false);
        type(named(shell, "schemas", Text.class), "shop");
        org.eclipse.swt.widgets.Button defer = named(shell, "deferTriggers", org.eclipse.swt.widgets.Button.class);
        assertTrue(defer.getSelection(), "the page shows the project's option");
        click(defer);
        Screenshots.save("21-project-properties");
        click(button(shell, "Apply and Close"));
        MigrationProject model = MigrationProjects.read(project);
        assertEquals(3, model.settings().jobs());
        assertEquals(Scope.SCHEMA, model.scope());
        assertEquals(List.of("shop"), model.settings().schemas());
        assertEquals("azure-mysql", model.targetKind());
        assertFalse(model.settings().deferTriggers());
    }
}
