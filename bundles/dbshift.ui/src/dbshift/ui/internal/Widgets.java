package dbshift.ui.internal;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Widget;

/** Names widgets so that tests (and accessibility tools) find them without depending on layout order. */
public final class Widgets {
    public static final String KEY = "dbshift.widget";

    private Widgets() {
    }

    public static <T extends Widget> T name(T widget, String name) {
        widget.setData(KEY, name);
        return widget;
    }

    /** The first control named so under a parent, depth first, or null. */
    public static <T extends Control> T find(Composite parent, String name, Class<T> type) {
        for (Control c : parent.getChildren()) {
            if (name.equals(c.getData(KEY)) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Composite comp) {
                T found = find(comp, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
