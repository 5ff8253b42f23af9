package dbshift.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

/**
 * A part's body that shows either its content or, while there is nothing to show, a short hint that tells the
 * user what to do next. The hint may contain {@code <a>links</a>}; a click runs the given action.
 */
public final class EmptyStatePanel {
    private final Composite stack;
    private final StackLayout layout = new StackLayout();
    private final Composite hintPage;
    private final Label title;
    private final Link hint;
    private Control content;

    public EmptyStatePanel(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(layout);
        hintPage = new Composite(stack, SWT.NONE);
        hintPage.setLayout(new GridLayout(1, false));
        title = new Label(hintPage, SWT.WRAP);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        hint = new Link(hintPage, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /** The composite the part creates its real content in. */
    public Composite container() {
        return stack;
    }

    public void setContent(Control content) {
        this.content = content;
    }

    public void setHint(String titleText, String hintText, Runnable onLink) {
        title.setText(titleText);
        hint.setText(hintText);
        if (onLink != null) {
            hint.addListener(SWT.Selection, e -> onLink.run());
        }
        hintPage.layout(true, true);
    }

    public void showContent(boolean hasContent) {
        Control top = hasContent && content != null ? content : hintPage;
        if (layout.topControl != top) {
            layout.topControl = top;
            stack.layout(true, true);
        }
    }

    public boolean isShowingHint() {
        return layout.topControl == hintPage;
    }

    public String hintText() {
        return title.getText() + "\n" + hint.getText();
    }

    public Link hintLink() {
        return hint;
    }

    public Control control() {
        return stack;
    }
}
