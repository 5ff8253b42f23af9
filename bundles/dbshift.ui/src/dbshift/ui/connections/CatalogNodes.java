package dbshift.ui.connections;

import dbshift.core.project.ConnectionProfile;
import dbshift.ui.connections.CatalogNode.ProfileNode;

/** Creates the top nodes of a Connections view. */
public final class CatalogNodes {
    private CatalogNodes() {
    }

    public static ProfileNode profile(Side side, ConnectionProfile profile) {
        return new ProfileNode(side, profile);
    }
}
