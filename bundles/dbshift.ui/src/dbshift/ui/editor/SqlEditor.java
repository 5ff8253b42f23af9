package dbshift.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import dbshift.ui.project.MigrationProjects;

/**
 * The migration script editor: SQL colouring, an outline by object, the engine's validation markers in the
 * rulers and Problems view. Saving a migration project's script validates it again (parse, and a dry run on the
 * live target when one is linked).
 */
public class SqlEditor extends TextEditor {
    public static final String ID = "dbshift.ui.editors.sql";
    public static final String CONTEXT = "dbshift.ui.contexts.script";

    private SqlOutlinePage outline;
    private Runnable beforeReveal;
    private boolean outlinePending;
    private final IDocumentListener changes = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            scheduleOutline();
        }
    };

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new SqlSourceViewerConfiguration(getPreferenceStore()));
        setEditorContextMenuId("#SqlEditorContext");
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] { "org.eclipse.ui.textEditorScope", CONTEXT });
    }

    @Override
    public void createPartControl(org.eclipse.swt.widgets.Composite parent) {
        super.createPartControl(parent);
        // the migration commands' keys (validate, generate, deploy) work while editing the script
        getSite().getService(org.eclipse.ui.contexts.IContextService.class).activateContext(SchemaDiffEditor.CONTEXT);
        IDocument doc = document();
        if (doc != null) {
            doc.addDocumentListener(changes);
        }
    }

    /** Called before the outline reveals a line (the schema diff editor switches to its Script page). */
    void beforeReveal(Runnable r) {
        beforeReveal = r;
    }

    /** Shows an offset of the script, as the outline asks. */
    void reveal(int offset) {
        if (beforeReveal != null) {
            beforeReveal.run();
        }
        selectAndReveal(offset, 0);
    }

    public IDocument document() {
        return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
    }

    /** The script text as the editor shows it (saved or not). */
    public String text() {
        IDocument doc = document();
        return doc == null ? "" : doc.get();
    }

    public IFile file() {
        return getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class);
    }

    private void scheduleOutline() {
        if (outline == null || outlinePending) {
            return;
        }
        outlinePending = true;
        Display.getCurrent().timerExec(500, () -> {
            outlinePending = false;
            if (outline != null) {
                outline.update();
            }
        });
    }

    @Override
    public <T> T getAdapter(Class<T> required) {
        if (IContentOutlinePage.class.equals(required)) {
            if (outline == null) {
                outline = new SqlOutlinePage(this);
            }
            return required.cast(outline);
        }
        return super.getAdapter(required);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        super.doSave(monitor);
        IFile file = file();
        IProject project = file == null ? null : MigrationProjects.of(file);
        if (project != null && file.equals(MigrationProjects.script(project))) {
            ValidateScriptHandler.validateQuietly(getSite().getShell(), project, text());
        }
    }

    @Override
    public void dispose() {
        IDocument doc = document();
        if (doc != null) {
            doc.removeDocumentListener(changes);
        }
        outline = null;
        super.dispose();
    }
}
