package dbshift.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import dbshift.core.data.JdbcRowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.mysql.MySqlQuoting;
import dbshift.mysql.RowEncodingInputStream;

/**
 * The target's ceiling between two servers (issue 16): {@code LOAD DATA LOCAL INFILE} of the same rows from files
 * that are already on the target host, in as many parallel {@code mysql} sessions as DBShift has jobs. No tool that
 * reads the rows from another server and sends them over a connection can load faster than this; it is what the
 * target alone costs. The files are written before the timing starts ({@link #prepare}): one per chunk of the
 * table in key order, the same rows the source holds as tab-separated text; stream k loads chunks k, k+N, k+2N, ...
 * each in its own transaction (autocommit), with the binary log on like every other tool.
 */
final class CeilingTool implements CopyTool {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;
    private static final List<TransferColumn> COLUMNS = List.of(new TransferColumn("id", "`id`", ValueKind.NUMBER),
            new TransferColumn("customer", "`customer`", ValueKind.TEXT), new TransferColumn("email", "`email`", ValueKind.TEXT),
            // the server prints the datetime (MariaDB Connector/J's getString would not keep leading zeros of a fraction)
            new TransferColumn("created_at", "CAST(`created_at` AS CHAR)", ValueKind.TEMPORAL),
            new TransferColumn("amount", "`amount`", ValueKind.NUMBER), new TransferColumn("status", "`status`", ValueKind.TEXT),
            new TransferColumn("note", "`note`", ValueKind.TEXT));

    static final String NAME = "ceiling: LOAD DATA from files on the target";

    private final int streams;
    private final long chunkRows;
    private final List<Path> files = new ArrayList<>();
    private Path dir;

    CeilingTool(int streams, long chunkRows) {
        this.streams = streams;
        this.chunkRows = chunkRows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String settings() {
        return streams + " parallel mysql --local-infile sessions, " + String.format("%,d", chunkRows)
                + " rows per file and transaction, files written before timing";
    }

    @Override
    public boolean needsTargetTable() {
        return true;
    }

    @Override
    public void prepare(CopyJob job) throws Exception {
        dir = job.scratch().resolve("ceiling");
        MydumperTool.deleteTree(dir);
        Files.createDirectories(dir);
        files.clear();
        try (Connection c = job.source().connect(job.sourceDb())) {
            long min;
            long max;
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(`id`), MAX(`id`) FROM " + Q.quote(OrdersTable.NAME))) {
                rs.next();
                min = rs.getLong(1);
                max = rs.getLong(2);
            }
            boolean connectorJ = c.getMetaData().getDriverName().startsWith("MySQL");
            String select = "SELECT " + String.join(", ", COLUMNS.stream().map(TransferColumn::selectExpression).toList())
                    + " FROM " + Q.quote(OrdersTable.NAME) + " WHERE `id` BETWEEN ? AND ? ORDER BY `id`";
            for (long from = min; from <= max; from += chunkRows) {
                Path file = dir.resolve(String.format("chunk-%05d.tsv", files.size()));
                PreparedStatement ps = c.prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(connectorJ ? Integer.MIN_VALUE : 4096);
                ps.setLong(1, from);
                ps.setLong(2, Math.min(max, from + chunkRows - 1));
                try (JdbcRowStream rows = new JdbcRowStream(ps, ps.executeQuery(), COLUMNS, connectorJ);
                        RowEncodingInputStream in = new RowEncodingInputStream(rows, COLUMNS, false, () -> false);
                        OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                    if (in.failure() != null) {
                        throw new IllegalStateException("writing the ceiling's file " + file + " failed: " + in.failure(), in.failure());
                    }
                }
                files.add(file);
            }
        }
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        if (files.isEmpty()) {
            throw new IllegalStateException("the ceiling's files were not prepared");
        }
        List<List<String>> commands = new ArrayList<>();
        for (int k = 0; k < streams; k++) {
            StringBuilder sql = new StringBuilder();
            for (int i = k; i < files.size(); i += streams) {
                sql.append("LOAD DATA LOCAL INFILE ").append(Q.literal(files.get(i).toString())).append(" INTO TABLE ")
                        .append(Q.quote(OrdersTable.NAME)).append(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'")
                        .append(" LINES TERMINATED BY '\\n' (`id`, `customer`, `email`, `created_at`, `amount`, `status`, `note`);\n");
            }
            if (sql.isEmpty()) {
                continue;
            }
            commands.add(List.of("mysql", "--no-defaults", "--protocol=TCP", "--host=127.0.0.1", "--port=" + job.target().port(),
                    "--user=" + job.target().user(), "--local-infile=1", "--show-warnings", job.targetDb(), "-e", sql.toString()));
        }
        ExternalProcess.parallel(commands, job.logs(), "ceiling-stream");
        return String.format("%d files", files.size());
    }

    @Override
    public void cleanUp(CopyJob job) throws Exception {
        if (dir != null) {
            MydumperTool.deleteTree(dir);
        }
        files.clear();
    }
}
