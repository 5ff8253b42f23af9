package dbshift.core.replay;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dbshift.core.model.QualifiedName;

/**
 * Source names to target names, as the migration's conversion mapped them (schemas and tables that were renamed;
 * everything else keeps its name). Case-insensitive lookup, as the servers compare these names.
 */
public final class NameMap {
    private final Map<String, String> schemas = new HashMap<>();
    private final Map<String, QualifiedName> tables = new HashMap<>();

    public static NameMap identity() {
        return new NameMap();
    }

    public static NameMap of(Map<QualifiedName, QualifiedName> tableNames) {
        NameMap m = new NameMap();
        tableNames.forEach((s, t) -> {
            if (!s.equals(t)) {
                m.tables.put(key(s.schema(), s.name()), t);
                if (s.schema() != null && t.schema() != null && !s.schema().equals(t.schema())) {
                    m.schemas.put(s.schema().toLowerCase(Locale.ROOT), t.schema());
                }
            }
        });
        return m;
    }

    public boolean isIdentity() {
        return schemas.isEmpty() && tables.isEmpty();
    }

    /** The target's name for a schema. */
    public String schema(String source) {
        return source == null ? null : schemas.getOrDefault(source.toLowerCase(Locale.ROOT), source);
    }

    /** The target's name for a table, looked up in its schema (the session's default when the statement gives none). */
    public QualifiedName table(String schema, String name) {
        QualifiedName t = tables.get(key(schema, name));
        return t != null ? t : new QualifiedName(schema(schema), name);
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "\u0000" + name.toLowerCase(Locale.ROOT);
    }
}
