package dbshift.ui.editor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.compare.IStreamContentAccessor;
import org.eclipse.compare.ITypedElement;
import org.eclipse.swt.graphics.Image;

/** One side of a definition comparison: a name and DDL text, as Eclipse Compare reads it. */
final class DefinitionElement implements ITypedElement, IStreamContentAccessor {
    private final String name;
    private final String text;

    DefinitionElement(String name, String text) {
        this.name = name;
        this.text = text == null ? "" : text;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Image getImage() {
        return null;
    }

    @Override
    public String getType() {
        return ITypedElement.TEXT_TYPE;
    }

    @Override
    public InputStream getContents() {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return text;
    }
}
