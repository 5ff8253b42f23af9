package dbshift.bench;

import java.sql.Connection;
import java.sql.Statement;

import dbshift.mysql.MySqlQuoting;

/**
 * {@code INSERT INTO target.orders SELECT ... FROM source.orders} on the source server itself: no client, no
 * network, one statement. The ceiling any client-side copy on the same server is measured against.
 */
final class InsertSelectTool implements CopyTool {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;
    private static final String COLUMNS = "`id`, `customer`, `email`, `created_at`, `amount`, `status`, `note`";

    @Override
    public String name() {
        return "INSERT ... SELECT";
    }

    @Override
    public String settings() {
        return "server-side, 1 statement, same server";
    }

    @Override
    public boolean needsTargetTable() {
        return true;
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        if (!job.sameServer()) {
            throw new IllegalStateException("INSERT ... SELECT needs source and target on one server");
        }
        try (Connection c = job.target().connect(null); Statement s = c.createStatement()) {
            long n = s.executeLargeUpdate("INSERT INTO " + Q.quote(job.targetDb()) + "." + Q.quote(OrdersTable.NAME) + " ("
                    + COLUMNS + ") SELECT " + COLUMNS + " FROM " + Q.quote(job.sourceDb()) + "." + Q.quote(OrdersTable.NAME));
            return String.format("%,d rows inserted", n);
        }
    }
}
