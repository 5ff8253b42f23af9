package dbshift.core.model;

/**
 * A view. {@code query} is its SELECT as the server stores it; {@code definition} the complete CREATE statement
 * where the engine keeps one (SQL Server), else null. {@code definer}, {@code securityType} (DEFINER|INVOKER),
 * {@code checkOption} (NONE|LOCAL|CASCADED) and {@code algorithm} are MySQL's.
 */
public record View(QualifiedName name, String query, String definition, String definer, String securityType,
        String checkOption, String algorithm) {

    public View withDefiner(String v) {
        return new View(name, query, definition, v, securityType, checkOption, algorithm);
    }

    public View withQuery(String v) {
        return new View(name, query == null ? null : v, definition, definer, securityType, checkOption, algorithm);
    }

    public View withDefinition(String v) {
        return new View(name, query, v, definer, securityType, checkOption, algorithm);
    }
}
