package dbshift.ui.views;

public final class SourceConnectionsView extends ConnectionsView {
    public static final String ID = "dbshift.ui.views.sourceConnections";

    @Override
    protected String side() {
        return "source";
    }

    @Override
    protected String examples() {
        return "MySQL, MariaDB, SQL Server or Sybase ASE";
    }
}
