package dbshift.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The workbench bundle's activator: shared images and preferences. */
public final class DBShiftUiPlugin extends AbstractUIPlugin {
    public static final String ID = "dbshift.ui";
    public static final String IMG_SOURCE = "icons/source.png";
    public static final String IMG_TARGET = "icons/target.png";
    public static final String IMG_PROJECT = "icons/project.png";
    public static final String IMG_RESULTS = "icons/results.png";

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
        for (String path : new String[] { IMG_SOURCE, IMG_TARGET, IMG_PROJECT, IMG_RESULTS }) {
            registry.put(path, imageDescriptorFromPlugin(ID, path));
        }
    }

    public static ImageDescriptor descriptor(String path) {
        return getDefault().getImageRegistry().getDescriptor(path);
    }
}
