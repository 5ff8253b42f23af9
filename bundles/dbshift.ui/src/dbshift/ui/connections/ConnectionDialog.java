package dbshift.ui.connections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.TargetKind;
import dbshift.core.engine.TlsMode;
import dbshift.core.project.ConnectionProfile;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.Widgets;

/**
 * Adds or edits a connection profile: engine, host, port, database, user, password (to secure storage), TLS mode
 * and driver properties, with a Test button that connects in a job while the dialog stays responsive.
 */
public final class ConnectionDialog extends TitleAreaDialog {
    private static final int TEST_ID = 1025;

    private final Side side;
    private final ConnectionProfile original;
    private final List<Dialect> engines;
    private Text name;
    private Combo engine;
    private Text host;
    private Text port;
    private Text database;
    private Text user;
    private Text password;
    private Button savePassword;
    private Combo tls;
    private Text properties;
    private Label url;
    private Button test;
    private ConnectionProfile result;
    private volatile String lastTest;
    private volatile boolean testing;

    /** @param original the profile to edit, or null for a new one */
    public ConnectionDialog(Shell shell, Side side, ConnectionProfile original) {
        super(shell);
        this.side = side;
        this.original = original;
        this.engines = enginesFor(side);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Source profiles need a catalog reader; target profiles a dialect some target kind writes. */
    static List<Dialect> enginesFor(Side side) {
        if (side == Side.SOURCE) {
            return Dialects.all().stream().filter(d -> d.catalogReader().isPresent()).toList();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        Dialects.targetKinds().stream().map(TargetKind::dialect).forEach(ids::add);
        List<Dialect> list = new ArrayList<>();
        ids.forEach(id -> Dialects.byId(id).ifPresent(list::add));
        return list;
    }

    @Override
    protected void configureShell(Shell newShell) {
        super.configureShell(newShell);
        newShell.setText(title());
    }

    public String title() {
        return (original == null ? "New " : "Edit ") + side.title() + " Connection";
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(side.title() + " connection profile");
        setMessage("Where the " + side.role() + " database is and who connects. The password is kept in Eclipse Secure Storage, never in a file.");
        setTitleImage(DBShiftUiPlugin.image(DBShiftUiPlugin.IMG_DATABASE));
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(4, false));

        name = text(c, "&Name:", "name", 3, "How the profile is listed in the Connections view and in projects.");
        label(c, "&Engine:");
        engine = new Combo(c, SWT.READ_ONLY);
        engines.forEach(d -> engine.add(d.displayName()));
        engine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        engine.setToolTipText("The driver and dialect used; DBShift detects MariaDB behind a MySQL URL by itself.");
        Widgets.name(engine, "engine");
        host = text(c, "&Host:", "host", 1, "Server name or address.");
        port = text(c, "&Port:", "port", 1, "TCP port; empty for the engine's default.");
        ((GridData) port.getLayoutData()).widthHint = 70;
        ((GridData) port.getLayoutData()).grabExcessHorizontalSpace = false;
        database = text(c, "&Database:", "database", 3,
                "Optional: the database to open and to migrate; empty lists every database on the server.");
        user = text(c, "&User:", "user", 3, null);
        label(c, "Pass&word:");
        password = new Text(c, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 1, 1));
        Widgets.name(password, "password");
        savePassword = new Button(c, SWT.CHECK);
        savePassword.setText("&Save in secure storage");
        savePassword.setSelection(true);
        savePassword.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        savePassword.setToolTipText("Encrypted in Eclipse Secure Storage; unticked, DBShift asks once per session.");
        Widgets.name(savePassword, "savePassword");
        label(c, "&TLS:");
        tls = new Combo(c, SWT.READ_ONLY);
        for (TlsMode m : TlsMode.values()) {
            tls.add(m.label());
        }
        tls.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        tls.setToolTipText("Azure requires TLS; verify-full also checks that the certificate names the host.");
        Widgets.name(tls, "tls");
        Label propsLabel = label(c, "Driver &properties:");
        propsLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        properties = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        pd.heightHint = 60;
        properties.setLayoutData(pd);
        properties.setToolTipText("One name=value per line, passed to the JDBC driver (e.g. connectTimeout=5000). "
                + "Secrets are refused here: use the password field.");
        Widgets.name(properties, "driverProperties");
        label(c, "URL:");
        url = new Label(c, SWT.NONE);
        url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        Widgets.name(url, "url");

        fill(original);
        for (Control control : new Control[] { name, host, port, database, user, properties }) {
            ((Text) control).addModifyListener(e -> validate());
        }
        engine.addListener(SWT.Selection, e -> {
            Dialect d = selectedEngine();
            if (port.getText().isBlank() || isSomeDefaultPort(port.getText())) {
                port.setText(d.defaultPort() > 0 ? Integer.toString(d.defaultPort()) : "");
            }
            validate();
        });
        tls.addListener(SWT.Selection, e -> validate());
        return area;
    }

    private boolean isSomeDefaultPort(String text) {
        return engines.stream().anyMatch(d -> Integer.toString(d.defaultPort()).equals(text.trim()));
    }

    private void fill(ConnectionProfile p) {
        if (p == null) {
            engine.select(0);
            tls.select(TlsMode.PREFERRED.ordinal());
            host.setText("localhost");
            Dialect d = selectedEngine();
            port.setText(d.defaultPort() > 0 ? Integer.toString(d.defaultPort()) : "");
            name.setText("");
            return;
        }
        name.setText(p.name());
        int i = 0;
        for (int k = 0; k < engines.size(); k++) {
            if (engines.get(k).id().equals(p.engine())) {
                i = k;
            }
        }
        engine.select(i);
        host.setText(p.host());
        port.setText(p.port() > 0 ? Integer.toString(p.port()) : "");
        database.setText(p.database() == null ? "" : p.database());
        user.setText(p.user() == null ? "" : p.user());
        tls.select(p.tls().ordinal());
        StringBuilder b = new StringBuilder();
        p.properties().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        properties.setText(b.toString());
        char[] stored = ConnectionSecrets.load(p.id());
        savePassword.setSelection(stored != null || !ConnectionSecrets.has(p.id()));
        if (stored != null) {
            password.setText(new String(stored));
        }
    }

    private Label label(Composite c, String text) {
        Label l = new Label(c, SWT.NONE);
        l.setText(text);
        return l;
    }

    private Text text(Composite c, String label, String id, int span, String tooltip) {
        label(c, label);
        Text t = new Text(c, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        if (tooltip != null) {
            t.setToolTipText(tooltip);
        }
        Widgets.name(t, id);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        test = createButton(parent, TEST_ID, "&Test Connection", false);
        Widgets.name(test, "test");
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private Dialect selectedEngine() {
        return engines.get(Math.max(0, engine.getSelectionIndex()));
    }

    /** The profile as the fields say, or an exception naming the field that is wrong. */
    ConnectionProfile build() {
        String n = name.getText().trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Enter a name for the profile.");
        }
        if (host.getText().isBlank()) {
            throw new IllegalArgumentException("Enter the host.");
        }
        int p = 0;
        if (!port.getText().isBlank()) {
            try {
                p = Integer.parseInt(port.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The port '" + port.getText().trim() + "' is not a number.");
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("The port must be between 1 and 65535.");
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : properties.getText().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Driver property line '" + line.trim() + "' is not name=value.");
            }
            props.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        ConnectionProfile profile = new ConnectionProfile(original == null ? null : original.id(), n, selectedEngine().id(),
                host.getText().trim(), p, database.getText().trim().isEmpty() ? null : database.getText().trim(),
                user.getText().trim().isEmpty() ? null : user.getText().trim(), TlsMode.values()[tls.getSelectionIndex()], props);
        profile.jdbcUrl(); // the dialect refuses what it cannot turn into a URL
        return profile;
    }

    private void validate() {
        if (url == null || url.isDisposed()) {
            return;
        }
        try {
            ConnectionProfile p = build();
            url.setText(p.jdbcUrl());
            setErrorMessage(null);
            enable(true);
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            enable(false);
        }
    }

    private void enable(boolean valid) {
        if (getButton(OK) != null) {
            getButton(OK).setEnabled(valid);
        }
        if (test != null) {
            test.setEnabled(valid && !testing);
        }
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == TEST_ID) {
            runTest();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void runTest() {
        ConnectionProfile profile;
        try {
            profile = build();
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        char[] pw = password.getText().toCharArray();
        testing = true;
        lastTest = null;
        test.setEnabled(false);
        setErrorMessage(null);
        setMessage("Connecting to " + profile.jdbcUrl() + " …", IMessageProvider.INFORMATION);
        Job job = Job.create("Testing connection " + profile.name(), (IProgressMonitor monitor) -> {
            String message;
            boolean ok;
            try {
                message = ConnectionTester.test(side, profile, pw);
                ok = true;
            } catch (RuntimeException e) {
                message = e.getMessage();
                ok = false;
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
            String m = message;
            boolean success = ok;
            Shell shell = getShell();
            if (shell != null && !shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> showTest(m, success));
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    private void showTest(String message, boolean ok) {
        testing = false;
        lastTest = (ok ? "OK: " : "FAILED: ") + message;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        if (ok) {
            setErrorMessage(null);
            setMessage(message, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(message);
        }
        enable(true);
    }

    /** "OK: …" or "FAILED: …" once a test has finished, else null. */
    public String lastTest() {
        return lastTest;
    }

    @Override
    protected void okPressed() {
        ConnectionProfile profile;
        try {
            profile = build();
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        try {
            if (savePassword.getSelection()) {
                ConnectionSecrets.store(profile.id(), password.getText().toCharArray());
            } else {
                ConnectionSecrets.remove(profile.id());
            }
        } catch (StorageException | IllegalStateException e) {
            ErrorDialog.openError(getShell(), title(), "The password of '" + profile.name()
                    + "' could not be saved in secure storage; the profile is saved without it and DBShift will ask for it.",
                    DBShiftUiPlugin.error(e.getMessage(), e));
        }
        Passwords.forget(profile.id());
        ConnectionStore.get().save(side, profile);
        result = profile;
        super.okPressed();
    }

    /** The saved profile after OK, else null. */
    public ConnectionProfile result() {
        return result;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
