package dbshift.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dbshift.core.project.MigrationProject;
import dbshift.core.project.ProjectFile;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.project.NewMigrationProjectWizard;

/**
 * The New Migration Project wizard's target database names (issue 12): a malformed entry keeps Finish disabled and
 * says why; the names given are stored in the project, which every run of it maps with.
 */
class TargetDatabaseNamesTest {
    private static final String PROJECT = "mapped-names";

    @Test
    void theWizardStoresTheTargetDatabaseNamesTheUserTypes() throws Exception {
        NewMigrationProjectWizard wizard = new NewMigrationProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        try {
            UiTestSupport.settle(200);
            var shell = dialog.getShell();
            UiTestSupport.type(UiTestSupport.named(shell, "projectName", Text.class), PROJECT);
            Text names = UiTestSupport.named(shell, "databaseMap", Text.class);
            UiTestSupport.type(names, "shop");
            UiTestSupport.settle(100);
            assertFalse(UiTestSupport.button(shell, "Finish").isEnabled(), "a malformed entry must keep Finish disabled");
            assertTrue(String.valueOf(wizard.getContainer().getCurrentPage().getErrorMessage()).contains("write SRC=DST"),
                    wizard.getContainer().getCurrentPage().getErrorMessage());
            UiTestSupport.type(names, "shop=shop_v2, crm = crm_archive");
            UiTestSupport.settle(100);
            assertEquals(null, wizard.getContainer().getCurrentPage().getErrorMessage());
            Screenshots.save("01b-new-project-target-database-names");
            UiTestSupport.click(UiTestSupport.button(shell, "Finish"));
            UiTestSupport.waitUntil("the project to be created", 10_000, project::exists);
            MigrationProject model = ProjectFile.read(MigrationProjects.projectFile(project).getLocation().toFile().toPath());
            assertEquals(Map.of("shop", "shop_v2", "crm", "crm_archive"), model.settings().databaseMap());
            assertEquals("shop_v2", model.databaseMap().target("shop"));
            assertEquals("other", model.databaseMap().target("other"), "a database not named keeps its name");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
            // the workbench test starts from an empty workspace
            if (project.exists()) {
                project.delete(true, true, null);
            }
        }
    }
}
