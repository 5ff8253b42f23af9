package dbshift.core.model;

/** A SQL Server synonym: a name for another object, possibly in another database or on a linked server. */
public record Synonym(QualifiedName name, String baseObject) {
}
