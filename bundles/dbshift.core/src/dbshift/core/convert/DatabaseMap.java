package dbshift.core.convert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which target database (or schema) each source database (or schema) goes to: {@code --map-database SRC=DST}, and by
 * default the database the target URL names when exactly one source database is in scope. Sources not named keep
 * their name. For engines whose unit is the schema inside a database (SQL Server), an entry may name
 * {@code DB.SCHEMA=DB.SCHEMA}; the schema is what is renamed, the database parts must be the ones connected to.
 */
public final class DatabaseMap {
    private static final DatabaseMap NONE = new DatabaseMap(Map.of(), Map.of(), Map.of());

    /** Source name → target name, in the order given. */
    private final Map<String, String> names;
    /** For {@code DB.SCHEMA} entries: source schema → the database part given for it on each side. */
    private final Map<String, String> sourceDatabases;
    private final Map<String, String> targetDatabases;

    private DatabaseMap(Map<String, String> names, Map<String, String> sourceDatabases, Map<String, String> targetDatabases) {
        this.names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.sourceDatabases = Map.copyOf(sourceDatabases);
        this.targetDatabases = Map.copyOf(targetDatabases);
    }

    public static DatabaseMap none() {
        return NONE;
    }

    /** A map of plain names, source → target (e.g. from a migration project). */
    public static DatabaseMap of(Map<String, String> names) {
        return names == null || names.isEmpty() ? NONE : new DatabaseMap(names, Map.of(), Map.of());
    }

    /**
     * Reads {@code SRC=DST} entries as the user wrote them ({@code option} names where they came from in messages).
     * Throws {@link IllegalArgumentException} naming the entry and what is wrong with it.
     */
    public static DatabaseMap parse(Collection<String> entries, String option) {
        if (entries == null || entries.isEmpty()) {
            return NONE;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> sourceDbs = new LinkedHashMap<>();
        Map<String, String> targetDbs = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 0 || entry.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException(option + " '" + entry + "': write SRC=DST, e.g. " + option + " shop=shop_v2 "
                        + "(SRC.SCHEMA=DST.SCHEMA where the unit is a schema)");
            }
            String[] from = split(entry.substring(0, eq).strip());
            String[] to = split(entry.substring(eq + 1).strip());
            if (from == null || to == null) {
                throw new IllegalArgumentException(option + " '" + entry + "': a name is empty; write SRC=DST, e.g. " + option
                        + " shop=shop_v2");
            }
            if ((from[0] == null) != (to[0] == null)) {
                throw new IllegalArgumentException(option + " '" + entry + "': both sides name a schema with its database "
                        + "(SRC.SCHEMA=DST.SCHEMA) or neither does (SRC=DST)");
            }
            if (names.containsKey(from[1])) {
                throw new IllegalArgumentException(option + " '" + entry + "': " + from[1] + " is already mapped to "
                        + names.get(from[1]) + "; give one target per source");
            }
            for (var e : names.entrySet()) {
                if (e.getValue().equalsIgnoreCase(to[1])) {
                    throw new IllegalArgumentException(option + " '" + entry + "': " + e.getKey() + " already goes to " + to[1]
                            + "; two source databases cannot be merged into one target database");
                }
            }
            names.put(from[1], to[1]);
            if (from[0] != null) {
                sourceDbs.put(from[1], from[0]);
                targetDbs.put(from[1], to[0]);
            }
        }
        return new DatabaseMap(names, sourceDbs, targetDbs);
    }

    /**
     * Entries in one line of text, separated by commas (a form field: {@code shop=shop_v2, crm=crm_v2}); blank text is
     * no map. Throws as {@link #parse(Collection, String)} does.
     */
    public static DatabaseMap parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> entries = new ArrayList<>();
        for (String e : text.split("[,;\\n]")) {
            if (!e.isBlank()) {
                entries.add(e.strip());
            }
        }
        return parse(entries, what);
    }

    /** The map as one line of text, as {@link #parse(String, String)} reads it. */
    public String text() {
        return toString();
    }

    /** {@code name} → {null, name}; {@code db.schema} → {db, schema}; null when a part is empty. */
    private static String[] split(String side) {
        int dot = side.indexOf('.');
        String[] parts = dot < 0 ? new String[] { null, side } : new String[] { side.substring(0, dot).strip(),
                side.substring(dot + 1).strip() };
        return parts[1].isEmpty() || parts[0] != null && parts[0].isEmpty() ? null : parts;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** Source name → target name, in the order given; only the renamed ones. */
    public Map<String, String> names() {
        return names;
    }

    /** The target name of a source database (or schema); its own name when it is not mapped. */
    public String target(String source) {
        return source == null ? null : names.getOrDefault(source, source);
    }

    /**
     * The map for one migration: every entry checked against the source databases in {@code scope}, and the default
     * for a target URL that names a database ({@code urlSchema}, null when none): one source database goes there;
     * several must be mapped so that one of them goes there. {@code sourceDatabase} is the database a source whose
     * unit is the schema was read from (null otherwise), checked against {@code DB.SCHEMA} entries. Throws
     * {@link IllegalArgumentException} naming the databases and the remedy.
     */
    public DatabaseMap resolve(List<String> scope, String urlSchema, String sourceDatabase) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            String src = e.getKey();
            String inScope = scope.contains(src) ? src : scope.stream().filter(s -> s.equalsIgnoreCase(src)).findFirst().orElse(null);
            if (inScope == null) {
                throw new IllegalArgumentException("--map-database " + src + "=" + e.getValue() + ": " + src + " is not among the "
                        + "source databases in scope (" + (scope.isEmpty() ? "none" : String.join(", ", scope)) + "); name one of "
                        + "them, or add it to --databases");
            }
            String db = sourceDatabases.get(src);
            if (db != null && sourceDatabase != null && !db.equalsIgnoreCase(sourceDatabase)) {
                throw new IllegalArgumentException("--map-database " + db + "." + src + "=" + targetDatabases.get(src) + "."
                        + e.getValue() + ": the source is database " + sourceDatabase + ", not " + db + "; write "
                        + sourceDatabase + "." + src + "=…");
            }
            resolved.put(inScope, e.getValue());
        }
        for (String s : scope) {
            String t = resolved.getOrDefault(s, s);
            for (String other : scope) {
                if (!other.equals(s) && !resolved.containsKey(other) && other.equalsIgnoreCase(t)) {
                    throw new IllegalArgumentException("--map-database " + s + "=" + t + ": source database " + other
                            + " keeps its name and goes to " + other + " too; map it elsewhere as well (--map-database "
                            + other + "=…) or leave it out of --databases");
                }
            }
        }
        if (urlSchema != null && !scope.isEmpty()) {
            boolean meant = scope.stream().anyMatch(s -> resolved.getOrDefault(s, s).equalsIgnoreCase(urlSchema));
            if (!meant) {
                if (scope.size() == 1 && resolved.isEmpty()) {
                    resolved.put(scope.get(0), urlSchema);
                } else {
                    throw new IllegalArgumentException("the target URL names the database " + urlSchema + ", but "
                            + (scope.size() == 1 ? "the source database " + scope.get(0) + " is mapped to "
                                    + resolved.get(scope.get(0))
                                    : scope.size() + " source databases are in scope (" + String.join(", ", scope) + ")"
                                            + (resolved.isEmpty() ? "" : " and no --map-database sends one of them there"))
                            + ": say where each goes with --map-database SRC=DST (e.g. --map-database " + scope.get(0) + "="
                            + urlSchema + "), limit --databases to one, or leave the database out of the target URL");
                }
            }
        }
        resolved.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return resolved.isEmpty() ? NONE : new DatabaseMap(resolved, Map.of(), Map.of());
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        names.forEach((s, t) -> parts.add(s + "=" + t));
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseMap m && m.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }
}
