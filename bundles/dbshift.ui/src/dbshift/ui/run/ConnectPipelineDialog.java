package dbshift.ui.run;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dbshift.connect.PipelineOptions;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.Widgets;

/**
 * Asks where the Kafka Connect cluster is (its REST API and a broker) and what to call the pipeline; the values are
 * checked as the command line checks them ({@link PipelineOptions}) and remembered for the next time.
 */
public final class ConnectPipelineDialog extends TitleAreaDialog {
    private static final String SECTION = "connectPipeline";
    private final String projectName;
    private final int tasks;
    private Text connectUrl;
    private Text bootstrap;
    private Text name;
    private PipelineOptions options;
    /** Whether the user typed anything yet: an empty form is not an error, it only cannot be run. */
    private boolean touched;

    public ConnectPipelineDialog(Shell shell, String projectName, int tasks) {
        super(shell);
        this.projectName = projectName;
        this.tasks = tasks;
    }

    /** What the user chose, once the dialog closed with OK. */
    public PipelineOptions options() {
        return options;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Run on Kafka Connect");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Run " + projectName + " on Kafka Connect");
        setMessage("DBShift deploys the schema, writes a Debezium source and a JDBC sink connector per target database, "
                + "starts them and shows their progress in the Results view.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        IDialogSettings s = settings();
        connectUrl = field(c, "Connect REST &URL:", "connectUrl", s.get("connectUrl"), "http://connect:8083");
        bootstrap = field(c, "Kafka &bootstrap server:", "kafkaBootstrap", s.get("kafkaBootstrap"), "kafka:9092");
        name = field(c, "&Pipeline name:", "pipeline", s.get("pipeline") == null ? "dbshift" : s.get("pipeline"),
                "prefix of connectors, topics and consumer groups");
        return area;
    }

    private Text field(Composite c, String label, String widgetName, String value, String hint) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 360;
        t.setLayoutData(gd);
        t.setMessage(hint);
        if (value != null) {
            t.setText(value);
        }
        Widgets.name(t, widgetName);
        t.addModifyListener(e -> {
            touched = true;
            validate();
        });
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Run", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /** Checks the input as the command line would; the error names the field and what it must be. */
    private boolean validate() {
        String error = null;
        if (connectUrl.getText().isBlank()) {
            error = "Enter the Kafka Connect REST URL, e.g. http://connect:8083";
        } else if (bootstrap.getText().isBlank()) {
            error = "Enter a Kafka broker as host:port, e.g. kafka:9092";
        } else if (!bootstrap.getText().trim().matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            error = "The Kafka bootstrap server must be host:port (several separated by commas), not '" + bootstrap.getText().trim() + "'";
        } else {
            try {
                new PipelineOptions(name.getText().trim(), connectUrl.getText().trim(), bootstrap.getText().trim(), tasks, tasks, false);
            } catch (IllegalArgumentException e) {
                error = e.getMessage().replace("--pipeline", "The pipeline name").replace("--connect-url", "The Connect URL");
            }
        }
        setErrorMessage(touched ? error : null);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(error == null);
        }
        return error == null;
    }

    @Override
    protected void okPressed() {
        if (!validate()) {
            return;
        }
        options = new PipelineOptions(name.getText().trim(), connectUrl.getText().trim(), bootstrap.getText().trim(), tasks, tasks, false);
        IDialogSettings s = settings();
        s.put("connectUrl", options.connectUrl());
        s.put("kafkaBootstrap", options.kafkaBootstrap());
        s.put("pipeline", options.name());
        super.okPressed();
    }

    private static IDialogSettings settings() {
        IDialogSettings root = DBShiftUiPlugin.getDefault().getDialogSettings();
        IDialogSettings s = root.getSection(SECTION);
        return s != null ? s : root.addNewSection(SECTION);
    }
}
