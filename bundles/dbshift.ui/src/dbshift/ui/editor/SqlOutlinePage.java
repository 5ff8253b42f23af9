package dbshift.ui.editor;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import dbshift.ui.internal.DBShiftUiPlugin;

/** Outline of a migration script: phases and the objects in them; selecting one reveals its header in the editor. */
public final class SqlOutlinePage extends ContentOutlinePage {
    private final SqlEditor editor;

    SqlOutlinePage(SqlEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return ((ScriptOutline.Item) element).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((ScriptOutline.Item) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                ScriptOutline.Item i = (ScriptOutline.Item) element;
                return i.isPhase() ? i.label() + " (" + i.children().size() + ")" : i.label() + "  [" + i.type() + "]";
            }

            @Override
            public Image getImage(Object element) {
                return DBShiftUiPlugin.image(SchemaDiffEditor.imageKey(((ScriptOutline.Item) element).type()));
            }
        });
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof ScriptOutline.Item item) {
                editor.reveal(item.offset());
            }
        });
        update();
    }

    /** Re-reads the outline from the editor's text. */
    public void update() {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(ScriptOutline.read(editor.text()));
        viewer.expandToLevel(2);
    }
}
