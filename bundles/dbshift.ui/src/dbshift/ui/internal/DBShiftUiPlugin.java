package dbshift.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The workbench bundle's activator: shared images, preferences and the log. */
public final class DBShiftUiPlugin extends AbstractUIPlugin {
    public static final String ID = "dbshift.ui";
    public static final String IMG_SOURCE = "icons/source.png";
    public static final String IMG_TARGET = "icons/target.png";
    public static final String IMG_PROJECT = "icons/project.png";
    public static final String IMG_RESULTS = "icons/results.png";
    public static final String IMG_DATABASE = "icons/database.png";
    public static final String IMG_CONNECTED = "icons/connected.png";
    public static final String IMG_TABLE = "icons/table.png";
    public static final String IMG_COLUMN = "icons/column.png";
    public static final String IMG_KEY = "icons/key.png";
    public static final String IMG_FKEY = "icons/fkey.png";
    public static final String IMG_INDEX = "icons/index.png";
    public static final String IMG_VIEW = "icons/view.png";
    public static final String IMG_ROUTINE = "icons/routine.png";
    public static final String IMG_TRIGGER = "icons/trigger.png";
    public static final String IMG_EVENT = "icons/event.png";
    public static final String IMG_FINDINGS = "icons/findings.png";
    public static final String IMG_SCRIPT = "icons/script.png";
    public static final String IMG_RUN = "icons/run.png";
    public static final String IMG_CHART = "icons/chart.png";

    private static final String[] IMAGES = { IMG_SOURCE, IMG_TARGET, IMG_PROJECT, IMG_RESULTS, IMG_DATABASE, IMG_CONNECTED,
            IMG_TABLE, IMG_COLUMN, IMG_KEY, IMG_FKEY, IMG_INDEX, IMG_VIEW, IMG_ROUTINE, IMG_TRIGGER, IMG_EVENT, IMG_FINDINGS,
            IMG_SCRIPT, IMG_RUN, IMG_CHART };

    private static DBShiftUiPlugin instance;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    public static DBShiftUiPlugin getDefault() {
        return instance;
    }

    @Override
    protected void initializeImageRegistry(ImageRegistry registry) {
        for (String path : IMAGES) {
            registry.put(path, imageDescriptorFromPlugin(ID, path));
        }
    }

    public static ImageDescriptor descriptor(String path) {
        return getDefault().getImageRegistry().getDescriptor(path);
    }

    public static Image image(String path) {
        return getDefault().getImageRegistry().get(path);
    }

    /** An error status whose message names the object and the cause; the exception goes to the log's details. */
    public static IStatus error(String message, Throwable cause) {
        return new Status(IStatus.ERROR, ID, message, cause);
    }

    public static void log(String message, Throwable cause) {
        if (getDefault() != null) {
            getDefault().getLog().log(error(message, cause));
        }
    }
}
