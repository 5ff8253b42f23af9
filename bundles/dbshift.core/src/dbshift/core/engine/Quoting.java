package dbshift.core.engine;

import dbshift.core.model.QualifiedName;

/** How a dialect quotes identifiers. Every identifier in generated SQL goes through here; none is concatenated raw. */
public interface Quoting {

    String quote(String identifier);

    default String quote(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /** A string literal in this dialect, quotes and escapes included. */
    String literal(String value);
}
