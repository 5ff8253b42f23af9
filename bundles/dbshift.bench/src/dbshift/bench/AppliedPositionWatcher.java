package dbshift.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the applied position that {@code dbshift sync} keeps on the target ({@code _dbshift.sync_state}, moved
 * in the same transaction as the rows it applies): from outside the sync, what the target really holds. Each
 * sample is timed when the answer arrived, so a change's lag is measured to the first answer that shows it.
 */
final class AppliedPositionWatcher implements Runnable, AutoCloseable {
    /** The position was at least {@code position} (and the sync's row counter at {@code appliedRows}) at {@code nanos}. */
    record Sample(long nanos, long position, long appliedRows) {
    }

    private final Connection target;
    private final long pollMillis;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean stop;
    private volatile Exception failure;
    private Thread thread;

    AppliedPositionWatcher(Connection target, long pollMillis) {
        this.target = target;
        this.pollMillis = pollMillis;
    }

    void start() {
        thread = new Thread(this, "lag-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (Statement s = target.createStatement()) {
            long lastPosition = -1;
            while (!stop) {
                try (ResultSet rs = s.executeQuery("SELECT applied_position, applied_changes FROM `_dbshift`.`sync_state`")) {
                    long now = System.nanoTime();
                    if (rs.next()) {
                        long position = LagWorkload.position(rs.getString(1));
                        if (position != lastPosition) {
                            synchronized (samples) {
                                samples.add(new Sample(now, position, rs.getLong(2)));
                            }
                            lastPosition = position;
                        }
                    }
                }
                Thread.sleep(pollMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** The last position seen, or -1. */
    long latest() throws Exception {
        if (failure != null) {
            throw failure;
        }
        synchronized (samples) {
            return samples.isEmpty() ? -1 : samples.get(samples.size() - 1).position();
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws Exception {
        stop = true;
        if (thread != null) {
            thread.join(5000);
        }
        target.close();
    }
}
