package dbshift.ui.tests;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import dbshift.ui.internal.Widgets;

/** Event-loop helpers: tests run on the UI thread and must keep it turning while they wait. */
final class UiTestSupport {
    private UiTestSupport() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Processes events for the given time. */
    static void settle(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Processes events until the condition holds; fails with the message after the timeout. */
    static void waitUntil(String what, long timeoutMillis, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "\n" + threads());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** The stacks of the workbench's worker threads, to see what a timed-out wait was waiting for. */
    static String threads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("Worker") || t.getName().startsWith("dbshift") || t.getName().equals("main")) {
                b.append(t.getName()).append(" ").append(t.getState()).append('\n');
                for (int i = 0; i < Math.min(stack.length, 25); i++) {
                    b.append("    at ").append(stack[i]).append('\n');
                }
            }
        });
        return b.toString();
    }

    /** Waits until no job of the family runs or waits any more. */
    static void waitForJobs(Object family, long timeoutMillis) {
        // a finished job may schedule a follow-up from the UI thread (validation after generation): wait until the
        // family stays quiet across a turn of the event loop
        long end = System.currentTimeMillis() + timeoutMillis;
        do {
            settle(100);
            waitUntil("jobs to finish", Math.max(1, end - System.currentTimeMillis()),
                    () -> Job.getJobManager().find(family).length == 0);
            settle(250);
        } while (Job.getJobManager().find(family).length > 0);
    }

    /**
     * Runs {@code action} on the next shell whose title starts with {@code title}, from inside the event loop of
     * whatever opens it (a dialog's own loop blocks the caller). What it throws is kept for {@link #rethrow}; the
     * shell is closed then, so the test does not hang.
     */
    static AtomicReference<Throwable> onShell(String title, Consumer<Shell> action) {
        Display display = Display.getCurrent();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + 60_000;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Shell found = null;
            for (Shell s : display.getShells()) {
                if (!s.isDisposed() && s.isVisible() && s.getText().startsWith(title)) {
                    found = s;
                }
            }
            if (found == null) {
                if (System.currentTimeMillis() < deadline) {
                    display.timerExec(100, poll[0]);
                } else {
                    failure.set(new AssertionError("no shell titled '" + title + "' opened"));
                }
                return;
            }
            try {
                action.accept(found);
            } catch (Throwable t) {
                failure.set(t);
                if (!found.isDisposed()) {
                    found.close();
                }
            }
        };
        display.timerExec(100, poll[0]);
        return failure;
    }

    static void rethrow(AtomicReference<Throwable> failure) {
        Throwable t = failure.get();
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new AssertionError(t);
        }
    }

    static <T extends Control> T named(Composite parent, String name, Class<T> type) {
        T c = Widgets.find(parent, name, type);
        if (c == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named '" + name + "' in " + parent);
        }
        return c;
    }

    /** The push button with this label (mnemonics ignored). */
    static Button button(Composite parent, String label) {
        Button b = findButton(parent, label);
        if (b == null) {
            throw new AssertionError("no button '" + label + "'");
        }
        return b;
    }

    private static Button findButton(Composite parent, String label) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && b.getText().replace("&", "").equals(label)) {
                return b;
            }
            if (c instanceof Composite comp) {
                Button found = findButton(comp, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Clicks a button as a user would: selection event to its listeners. */
    static void click(Button b) {
        if (!b.isEnabled()) {
            throw new AssertionError("button '" + b.getText() + "' is disabled");
        }
        if ((b.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            b.setSelection(!b.getSelection() || (b.getStyle() & SWT.RADIO) != 0);
        }
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** Types into a text field: set the text, as the widget's modify listeners see it. */
    static void type(org.eclipse.swt.widgets.Text text, String value) {
        text.setFocus();
        text.setText(value);
    }

    static void select(org.eclipse.swt.widgets.Combo combo, String item) {
        int i = combo.indexOf(item);
        if (i < 0) {
            throw new AssertionError("'" + item + "' is not offered; items: " + String.join(", ", combo.getItems()));
        }
        combo.select(i);
        combo.notifyListeners(SWT.Selection, new Event());
    }
}
