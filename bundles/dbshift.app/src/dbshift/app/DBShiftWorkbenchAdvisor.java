package dbshift.app;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;
import org.osgi.framework.Bundle;

import dbshift.ui.perspective.MigrationPerspective;

/** Opens the workbench on the migration perspective, over the user's workspace of migration projects. */
final class DBShiftWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public String getInitialWindowPerspectiveId() {
        return MigrationPerspective.ID;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(!Boolean.getBoolean("dbshift.noRestore"));
        IDE.registerAdapters();
        // the IDE advisor declares these; without them projects and folders show no icons in the navigator
        Bundle ide = Platform.getBundle("org.eclipse.ui.ide");
        declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT, "icons/full/obj16/prj_obj.png");
        declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "icons/full/obj16/cprj_obj.png");
    }

    private static void declare(IWorkbenchConfigurer configurer, Bundle bundle, String key, String path) {
        var url = bundle == null ? null : bundle.getEntry(path);
        if (url != null) {
            configurer.declareImage(key, ImageDescriptor.createFromURL(url), true);
        }
    }

    @Override
    public IAdaptable getDefaultPageInput() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer window = getWindowConfigurer();
                window.setInitialSize(new Point(1280, 860));
                window.setShowCoolBar(true);
                window.setShowStatusLine(true);
                window.setShowProgressIndicator(true);
                window.setShowPerspectiveBar(true);
                window.setTitle("DBShift");
            }

            @Override
            public org.eclipse.ui.application.ActionBarAdvisor createActionBarAdvisor(
                    org.eclipse.ui.application.IActionBarConfigurer actionBars) {
                return new DBShiftActionBarAdvisor(actionBars);
            }
        };
    }
}
