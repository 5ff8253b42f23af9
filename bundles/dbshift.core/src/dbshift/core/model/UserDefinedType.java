package dbshift.core.model;

/** An alias type (SQL Server CREATE TYPE … FROM, Sybase sp_addtype): a named base type. */
public record UserDefinedType(QualifiedName name, DataType baseType, boolean nullable) {
}
