package dbshift.core.project;

import java.util.Locale;

/** What a migration project moves: the schema, the data, or both. */
public enum Scope {
    SCHEMA("schema", "Schema only"),
    DATA("data", "Data only"),
    SCHEMA_AND_DATA("schema-and-data", "Schema and data");

    private final String id;
    private final String label;

    Scope(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean includesSchema() {
        return this != DATA;
    }

    public boolean includesData() {
        return this != SCHEMA;
    }

    public static Scope parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Scope s : values()) {
            if (s.id.equals(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "' (known: schema, data, schema-and-data)");
    }
}
