package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Progress;

/**
 * The progress of long steps on stderr: rows (or statements), rate and ETA. On a terminal one line is rewritten
 * every second; in logs a line is printed every ten seconds.
 */
final class ProgressLine implements Runnable {
    private final Progress progress;
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final Thread thread;
    private volatile boolean running = true;
    private int lastLength;

    private ProgressLine(Progress progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
        this.thread = new Thread(this, "dbshift-progress");
        thread.setDaemon(true);
    }

    static ProgressLine start(Progress progress, PrintWriter err) {
        ProgressLine line = new ProgressLine(progress, err);
        line.thread.start();
        return line;
    }

    @Override
    public void run() {
        long ticks = 0;
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            ticks++;
            String step = progress.step();
            if (step.isEmpty() || progress.done() == 0 && progress.note() == null || !running) {
                continue;
            }
            if (terminal) {
                String text = format();
                err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
                err.flush();
                lastLength = text.length();
            } else if (ticks % 10 == 0) {
                err.println(format());
                err.flush();
            }
        }
    }

    String format() {
        String unit = progress.step().equals("deploy") ? "statements" : "rows";
        long total = progress.total();
        long eta = progress.etaSeconds();
        return String.format("[%s] %,d%s %s  %,.0f %s/s%s", progress.step(), progress.done(),
                total > 0 ? String.format(" / ~%,d", total) : "", unit, progress.rate(), unit,
                eta >= 0 ? String.format("  ETA %d:%02d", eta / 60, eta % 60) : "")
                + (progress.note() == null ? "" : "  " + progress.note());
    }

    void stop() {
        running = false;
        thread.interrupt();
        if (terminal && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
    }
}
