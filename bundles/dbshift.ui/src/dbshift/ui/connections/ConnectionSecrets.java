package dbshift.ui.connections;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

import dbshift.ui.internal.DBShiftUiPlugin;

/**
 * Connection passwords in Eclipse Secure Storage, encrypted, one node per profile id. Nothing else in DBShift
 * writes a password anywhere.
 */
public final class ConnectionSecrets {
    private static final String ROOT = "dbshift/connections";
    private static final String KEY = "password";

    private ConnectionSecrets() {
    }

    private static ISecurePreferences root() {
        ISecurePreferences prefs = SecurePreferencesFactory.getDefault();
        if (prefs == null) {
            throw new IllegalStateException("Eclipse Secure Storage is not available; passwords cannot be saved");
        }
        return prefs;
    }

    public static void store(String profileId, char[] password) throws StorageException {
        ISecurePreferences node = root().node(ROOT).node(profileId);
        node.put(KEY, new String(password), true);
        try {
            root().flush();
        } catch (java.io.IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    /** The stored password, or null when none is stored (or storage refused to decrypt it). */
    public static char[] load(String profileId) {
        try {
            ISecurePreferences base = root().node(ROOT);
            if (!base.nodeExists(profileId)) {
                return null;
            }
            String value = base.node(profileId).get(KEY, null);
            return value == null ? null : value.toCharArray();
        } catch (StorageException | IllegalStateException e) {
            DBShiftUiPlugin.log("cannot read the password of connection " + profileId + " from secure storage", e);
            return null;
        }
    }

    public static boolean has(String profileId) {
        try {
            ISecurePreferences base = root().node(ROOT);
            return base.nodeExists(profileId) && java.util.Arrays.asList(base.node(profileId).keys()).contains(KEY);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public static void remove(String profileId) {
        try {
            ISecurePreferences base = root().node(ROOT);
            if (base.nodeExists(profileId)) {
                base.node(profileId).removeNode();
                root().flush();
            }
        } catch (java.io.IOException | IllegalStateException e) {
            DBShiftUiPlugin.log("cannot remove the password of connection " + profileId + " from secure storage", e);
        }
    }
}
