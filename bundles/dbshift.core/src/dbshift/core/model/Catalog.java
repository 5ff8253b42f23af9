package dbshift.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything read from one database server (or script): the engine's dialect id and version, server settings
 * that matter to a migration (sql_mode, lower_case_table_names, default charset …), the schemas in scope, the
 * principals, and the objects that could not be read.
 */
public record Catalog(String dialect, String serverVersion, Map<String, String> settings, List<Schema> schemas,
        List<Principal> principals, List<ReadProblem> problems) {

    /**
     * Setting a live reader may fill with what it looked at (database, schemas, catalog views), so that a read that
     * finds no tables can say where it looked.
     */
    public static final String SCOPE_SETTING = "read_scope";

    public Catalog {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        principals = principals == null ? List.of() : List.copyOf(principals);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Table> table(QualifiedName name) {
        return schema(name.schema()).flatMap(s -> s.table(name.name()));
    }

    public List<Table> tables() {
        return schemas.stream().flatMap(s -> s.tables().stream()).toList();
    }

    public String setting(String key) {
        return settings.get(key);
    }

    public Catalog withSchemas(List<Schema> v) {
        return new Catalog(dialect, serverVersion, settings, v, principals, problems);
    }

    public Catalog withPrincipals(List<Principal> v) {
        return new Catalog(dialect, serverVersion, settings, schemas, v, problems);
    }

    public Catalog withDialect(String v) {
        return new Catalog(v, serverVersion, settings, schemas, principals, problems);
    }
}
