package dbshift.ui.connections;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dbshift.core.project.ConnectionProfile;

/**
 * The password of a profile when a job needs it: from secure storage, else asked once per session and kept in
 * memory only. Call on the UI thread, before scheduling the job that connects.
 */
public final class Passwords {
    private static final Map<String, char[]> SESSION = new ConcurrentHashMap<>();

    private Passwords() {
    }

    /** The password, or null when the user cancelled the prompt. */
    public static char[] obtain(Shell shell, ConnectionProfile profile) {
        char[] stored = ConnectionSecrets.load(profile.id());
        if (stored != null) {
            return stored;
        }
        char[] remembered = SESSION.get(profile.id());
        if (remembered != null) {
            return remembered.clone();
        }
        Prompt prompt = new Prompt(shell, profile);
        if (prompt.open() != Dialog.OK) {
            return null;
        }
        SESSION.put(profile.id(), prompt.password.clone());
        return prompt.password;
    }

    /** Forgets what the session remembers (after the profile changed). */
    public static void forget(String profileId) {
        SESSION.remove(profileId);
    }

    private static final class Prompt extends Dialog {
        private final ConnectionProfile profile;
        private Text text;
        private char[] password = new char[0];

        Prompt(Shell shell, ConnectionProfile profile) {
            super(shell);
            this.profile = profile;
        }

        @Override
        protected void configureShell(Shell newShell) {
            super.configureShell(newShell);
            newShell.setText("Password for " + profile.name());
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite c = (Composite) super.createDialogArea(parent);
            c.setLayout(new GridLayout(1, false));
            new Label(c, SWT.WRAP).setText("Password of " + (profile.user() == null ? "the user" : "'" + profile.user() + "'")
                    + " at " + profile.host() + " (kept in memory for this session only):");
            text = new Text(c, SWT.BORDER | SWT.PASSWORD);
            text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            return c;
        }

        @Override
        protected void buttonPressed(int id) {
            if (id == IDialogConstants.OK_ID) {
                password = text.getText().toCharArray();
            }
            super.buttonPressed(id);
        }
    }
}
