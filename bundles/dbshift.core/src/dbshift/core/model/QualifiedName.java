package dbshift.core.model;

import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified object name, as the engine spells it (case kept). The schema may be null for server-level objects. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    private static final Comparator<QualifiedName> ORDER = Comparator
            .comparing(QualifiedName::schema, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** For messages: {@code "sales"."order items"}; quoting here is for people, never for SQL. */
    @Override
    public String toString() {
        return schema == null ? '"' + name + '"' : '"' + schema + "\".\"" + name + '"';
    }

    @Override
    public int compareTo(QualifiedName o) {
        return ORDER.compare(this, o);
    }
}
