package dbshift.ui.results;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The run the results view shows: the one running now or the one last opened. Listeners are called on any thread. */
public final class Runs {
    private static volatile RunRecord current;
    private static final List<Consumer<RunRecord>> LISTENERS = new CopyOnWriteArrayList<>();

    private Runs() {
    }

    public static RunRecord current() {
        return current;
    }

    public static void show(RunRecord run) {
        current = run;
        LISTENERS.forEach(l -> l.accept(run));
    }

    public static void addListener(Consumer<RunRecord> l) {
        LISTENERS.add(l);
    }

    public static void removeListener(Consumer<RunRecord> l) {
        LISTENERS.remove(l);
    }
}
