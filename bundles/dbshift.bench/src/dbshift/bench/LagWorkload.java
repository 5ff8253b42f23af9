package dbshift.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dbshift.mysql.MySqlQuoting;

/**
 * The paced write workload of the sync-lag benchmark: {@code connections} threads, each with its own connection to
 * the source, commit transactions of {@code changesPerTransaction} single-row changes (inserts at the top of a
 * table's key range, updates of a random row, deletes at the bottom) on a fixed schedule that adds up to
 * {@code rate} changes per second. The schedule is open-loop: a transaction that starts late does not move the
 * next one, so a slow source shows as a lower achieved rate instead of a hidden one. After each commit the thread
 * asks the source where its binary log ends: that position, against the applied position DBShift's sync keeps on
 * the target, says when the transaction's changes are on the target.
 */
final class LagWorkload {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;
    private static final String[] STATUSES = { "new", "paid", "shipped", "cancelled", "open", "frozen" };
    /** Keys this close to either end of a table's range are left alone by updates, so that threads do not race for them. */
    private static final long MARGIN = 64;
    /** A transaction that starts this much after its slot counts as late: the pace was not kept. */
    static final long LATE_NANOS = 100_000_000;

    /** One committed transaction: when the client saw the commit succeed, and the end of the binary log just after it. */
    record Commit(long committedNanos, long position, int changes) {
    }

    /** What a run did. */
    record Result(List<Commit> commits, long inserts, long updates, long deletes, long startNanos, long endNanos, long lateTransactions,
            long deadlockRetries) {
        long changes() {
            return inserts + updates + deletes;
        }
    }

    private final BenchServer source;
    private final String database;
    private final int connections;
    private final int changesPerTransaction;
    private final int insertPercent;
    private final int updatePercent;
    private final AtomicLong[] nextInsert;
    private final AtomicLong[] nextDelete;

    LagWorkload(BenchServer source, String database, long initialRows, int connections, int changesPerTransaction, int insertPercent,
            int updatePercent) {
        this.source = source;
        this.database = database;
        this.connections = connections;
        this.changesPerTransaction = changesPerTransaction;
        this.insertPercent = insertPercent;
        this.updatePercent = updatePercent;
        int n = LagTables.ALL.size();
        nextInsert = new AtomicLong[n];
        nextDelete = new AtomicLong[n];
        for (int i = 0; i < n; i++) {
            nextInsert[i] = new AtomicLong(initialRows + 1);
            nextDelete[i] = new AtomicLong(1);
        }
    }

    /** Writes at {@code rate} changes per second for {@code seconds}; fails with the first writer's error. */
    Result run(double rate, double seconds, long seed) throws Exception {
        double txPerSecond = rate / changesPerTransaction;
        long intervalNanos = (long) (1e9 * connections / txPerSecond);
        long totalTx = (long) Math.floor(txPerSecond * seconds);
        long start = System.nanoTime() + 50_000_000; // every writer connected before the first tick
        List<Writer> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            long offset = (long) (1e9 * t / txPerSecond);
            long count = totalTx / connections + (t < totalTx % connections ? 1 : 0);
            Writer w = new Writer(source.connect(database), start + offset, intervalNanos, count, seed + t);
            writers.add(w);
            Thread th = new Thread(w, "lag-writer-" + t);
            threads.add(th);
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        long end = System.nanoTime();
        List<Commit> all = new ArrayList<>();
        long ins = 0, upd = 0, del = 0, late = 0, retried = 0;
        for (Writer w : writers) {
            if (w.failure != null) {
                throw w.failure;
            }
            all.addAll(w.commits);
            ins += w.inserts;
            upd += w.updates;
            del += w.deletes;
            late += w.late;
            retried += w.retries;
        }
        all.sort(java.util.Comparator.comparingLong(Commit::committedNanos));
        return new Result(Collections.unmodifiableList(all), ins, upd, del, start, end, late, retried);
    }

    /** {@code mariadb-bin.000012:3456} as one comparable number: the file's sequence number above the offset. */
    static long position(String file, long offset) {
        String digits = file.substring(file.lastIndexOf('.') + 1);
        return (Long.parseLong(digits) << 40) | offset;
    }

    static long position(String text) {
        int colon = text.lastIndexOf(':');
        return position(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
    }

    private final class Writer implements Runnable {
        private final Connection c;
        private final long first;
        private final long interval;
        private final long count;
        private final SplittableRandom random;
        final List<Commit> commits = new ArrayList<>();
        long inserts, updates, deletes, late, retries;
        Exception failure;

        Writer(Connection c, long first, long interval, long count, long seed) {
            this.c = c;
            this.first = first;
            this.interval = interval;
            this.count = count;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public void run() {
            int n = LagTables.ALL.size();
            PreparedStatement[] insert = new PreparedStatement[n], update = new PreparedStatement[n], delete = new PreparedStatement[n];
            try (c; Statement status = c.createStatement()) {
                c.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    LagTables.Spec t = LagTables.ALL.get(i);
                    String table = Q.quote(database) + "." + Q.quote(t.name());
                    int params = t.insertColumns().split(",").length;
                    insert[i] = c.prepareStatement("INSERT INTO " + table + " (" + t.insertColumns() + ") VALUES ("
                            + String.join(", ", Collections.nCopies(params, "?")) + ")");
                    update[i] = c.prepareStatement("UPDATE " + table + " SET " + t.updateSet() + " WHERE `id` = ?");
                    delete[i] = c.prepareStatement("DELETE FROM " + table + " WHERE `id` = ?");
                }
                for (long k = 0; k < count; k++) {
                    long due = first + k * interval;
                    long now = System.nanoTime();
                    if (now < due) {
                        LockSupport.parkNanos(due - now);
                    } else if (now - due > LATE_NANOS) {
                        late++;
                    }
                    int changed = transaction(insert, update, delete);
                    long committed = System.nanoTime();
                    try (ResultSet rs = status.executeQuery("SHOW MASTER STATUS")) {
                        rs.next();
                        commits.add(new Commit(committed, position(rs.getString(1), rs.getLong(2)), changed));
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        /**
         * One transaction, committed; returns the rows it changed. A deadlock (with another writer, or with the sync's
         * locking re-read of the rows it applies) is rolled back and the transaction written again, as an application would.
         */
        private int transaction(PreparedStatement[] insert, PreparedStatement[] update, PreparedStatement[] delete) throws SQLException {
            for (int attempt = 1;; attempt++) {
                long[] counts = new long[3];
                try {
                    int changed = 0;
                    for (int j = 0; j < changesPerTransaction; j++) {
                        changed += change(insert, update, delete, counts);
                    }
                    c.commit();
                    inserts += counts[0];
                    updates += counts[1];
                    deletes += counts[2];
                    return changed;
                } catch (SQLException e) {
                    c.rollback();
                    boolean deadlock = e instanceof java.sql.SQLTransactionRollbackException || "40001".equals(e.getSQLState());
                    if (!deadlock || attempt >= 10) {
                        throw e;
                    }
                    retries++;
                }
            }
        }

        /** One single-row change on a random table; returns the rows it changed (1, or 0 for an update that lost a race). */
        private int change(PreparedStatement[] insert, PreparedStatement[] update, PreparedStatement[] delete, long[] counts)
                throws SQLException {
            int i = random.nextInt(insert.length);
            LagTables.Spec t = LagTables.ALL.get(i);
            int dice = random.nextInt(100);
            LocalDateTime now = LocalDateTime.now();
            long lo = nextDelete[i].get();
            long hi = nextInsert[i].get();
            if (dice >= insertPercent + updatePercent && hi - lo > 4 * MARGIN * connections) {
                PreparedStatement ps = delete[i];
                ps.setLong(1, nextDelete[i].getAndIncrement());
                int rows = ps.executeUpdate();
                counts[2] += rows;
                return rows;
            }
            if (dice >= insertPercent && hi - lo > 4 * MARGIN * connections) {
                PreparedStatement ps = update[i];
                long id = lo + MARGIN * connections + random.nextLong(hi - lo - 2 * MARGIN * connections);
                bindUpdate(t, ps, now);
                ps.setLong(parameterCount(t), id);
                int rows = ps.executeUpdate();
                counts[1] += rows;
                return rows;
            }
            PreparedStatement ps = insert[i];
            bindInsert(t, ps, nextInsert[i].getAndIncrement(), now);
            int rows = ps.executeUpdate();
            counts[0] += rows;
            return rows;
        }

        private int parameterCount(LagTables.Spec t) {
            return t.updateSet().split("\\?", -1).length; // the placeholders of SET, then the key
        }

        private void bindUpdate(LagTables.Spec t, PreparedStatement ps, LocalDateTime now) throws SQLException {
            Timestamp ts = Timestamp.valueOf(now);
            switch (t.name()) {
                case "accounts" -> {
                    ps.setBigDecimal(1, BigDecimal.valueOf(random.nextLong(10_000_000), 2));
                    ps.setString(2, STATUSES[4 + random.nextInt(2)]);
                    ps.setTimestamp(3, ts);
                }
                case "orders" -> {
                    ps.setBigDecimal(1, BigDecimal.valueOf(random.nextLong(1_000_000), 2));
                    ps.setString(2, STATUSES[random.nextInt(4)]);
                    ps.setString(3, random.nextInt(5) == 0 ? null : "updated " + random.nextInt() + " 'q' \\ \u00e9");
                    ps.setTimestamp(4, ts);
                }
                default -> {
                    ps.setString(1, "update");
                    ps.setString(2, "payload ".repeat(1 + random.nextInt(6)));
                    ps.setTimestamp(3, ts);
                }
            }
        }

        private void bindInsert(LagTables.Spec t, PreparedStatement ps, long id, LocalDateTime now) throws SQLException {
            Timestamp ts = Timestamp.valueOf(now);
            ps.setLong(1, id);
            switch (t.name()) {
                case "accounts" -> {
                    ps.setString(2, "owner " + id);
                    ps.setBigDecimal(3, BigDecimal.valueOf(random.nextLong(10_000_000), 2));
                    ps.setString(4, "open");
                    ps.setInt(5, 1);
                    ps.setTimestamp(6, ts);
                }
                case "orders" -> {
                    ps.setLong(2, 1 + random.nextInt(1000));
                    ps.setBigDecimal(3, BigDecimal.valueOf(random.nextLong(1_000_000), 2));
                    ps.setString(4, "new");
                    ps.setString(5, random.nextInt(5) == 0 ? null : "new order " + id + " \"dq\" \t tab \uD83D\uDE80");
                    ps.setTimestamp(6, ts);
                    ps.setTimestamp(7, ts);
                }
                default -> {
                    ps.setString(2, "insert");
                    ps.setString(3, "payload " + id + " ".repeat(1 + random.nextInt(20)));
                    ps.setTimestamp(4, ts);
                }
            }
        }
    }
}
