package dbshift.ui.views;

public final class TargetConnectionsView extends ConnectionsView {
    public static final String ID = "dbshift.ui.views.targetConnections";

    @Override
    protected String side() {
        return "target";
    }

    @Override
    protected String examples() {
        return "Azure Database for MySQL, MySQL 8, MariaDB, SQL Server, Azure SQL Database or Managed Instance";
    }
}
