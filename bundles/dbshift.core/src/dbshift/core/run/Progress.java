package dbshift.core.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters of the step in progress, read by the CLI's progress line and the UI's job monitor. The engine only
 * adds to them; readers derive rates and ETAs.
 */
public final class Progress {
    private final AtomicReference<String> step = new AtomicReference<>("");
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile long startedNanos = System.nanoTime();
    private volatile boolean cancelled;
    private volatile String note;

    /** Starts counting a new step of {@code expectedTotal} units (rows, statements; 0 when unknown). */
    public void start(String stepName, long expectedTotal) {
        step.set(stepName);
        done.set(0);
        total.set(expectedTotal);
        startedNanos = System.nanoTime();
    }

    /** A short word on the state of the step (e.g. reconnecting), shown beside the counters; null clears it. */
    public void note(String text) {
        note = text;
    }

    public String note() {
        return note;
    }

    public void add(long units) {
        done.addAndGet(units);
    }

    public void addToTotal(long units) {
        total.addAndGet(units);
    }

    public String step() {
        return step.get();
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total.get();
    }

    public double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Units per second since the step started. */
    public double rate() {
        double s = seconds();
        return s <= 0 ? 0 : done.get() / s;
    }

    /** Seconds left at the current rate, or -1 when unknown. */
    public long etaSeconds() {
        double r = rate();
        long left = total.get() - done.get();
        return r <= 0 || total.get() <= 0 ? -1 : Math.max(0, (long) (left / r));
    }

    /** Asks the running step to stop at the next safe point (a slice boundary for copies). */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }
}
