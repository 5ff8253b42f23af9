package dbshift.core.data;

import java.util.ArrayList;
import java.util.List;

import dbshift.core.run.Progress;

/** Runs the same work on a few threads and waits for all of them; an interrupt cancels the run's progress. */
final class Workers {
    private Workers() {
    }

    static void run(int count, String name, Progress progress, Runnable work) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.max(1, count); w++) {
            Thread t = new Thread(work, name + "-" + (w + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                progress.cancel();
                Thread.currentThread().interrupt();
            }
        }
    }
}
