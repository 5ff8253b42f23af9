package dbshift.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mydumper into files, then myloader from them; the time is both together (what a migration waits for). Same
 * thread count as DBShift's jobs, the table cut into row chunks so that the threads have work, and
 * {@code --enable-binlog} so that the load is logged like every other tool's (myloader turns the binary log off by
 * default, which needs SUPER and which a real target such as Azure Database for MySQL does not allow).
 */
final class MydumperTool implements CopyTool {
    private final int threads;
    private final long chunkRows;

    MydumperTool(int threads, long chunkRows) {
        this.threads = threads;
        this.chunkRows = chunkRows;
    }

    @Override
    public String name() {
        return "mydumper/myloader";
    }

    @Override
    public String settings() {
        return "--threads " + threads + ", --rows " + chunkRows + ", --trx-consistency-only, myloader --enable-binlog";
    }

    @Override
    public boolean needsTargetTable() {
        return false;
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        Path dir = job.scratch().resolve("mydumper");
        deleteTree(dir);
        try {
            long t0 = System.nanoTime();
            List<String> dump = new ArrayList<>(List.of("mydumper", "--host", "127.0.0.1", "--port",
                    Integer.toString(job.source().port()), "--user", job.source().user(), "--database", job.sourceDb(),
                    "--tables-list", OrdersTable.NAME, "--outputdir", dir.toString(), "--threads",
                    Integer.toString(threads), "--rows", Long.toString(chunkRows), "--trx-consistency-only", "--verbose", "1"));
            ExternalProcess.run(dump, job.log("mydumper.log"), Map.of());
            // mydumper 0.10 exits 0 having dumped nothing when the table list does not match
            try (var files = Files.list(dir)) {
                if (files.noneMatch(f -> f.getFileName().toString().startsWith(job.sourceDb() + "." + OrdersTable.NAME + "."))) {
                    throw new java.io.IOException("mydumper wrote no data file for " + OrdersTable.NAME);
                }
            }
            long t1 = System.nanoTime();
            List<String> load = new ArrayList<>(List.of("myloader", "--host", "127.0.0.1", "--port",
                    Integer.toString(job.target().port()), "--user", job.target().user(), "--directory", dir.toString(),
                    "--source-db", job.sourceDb(), "--database", job.targetDb(), "--threads", Integer.toString(threads),
                    "--overwrite-tables", "--enable-binlog", "--verbose", "1"));
            ExternalProcess.run(load, job.log("myloader.log"), Map.of());
            long t2 = System.nanoTime();
            return String.format("dump %.1f s + load %.1f s", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
