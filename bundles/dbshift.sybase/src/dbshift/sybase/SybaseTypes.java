package dbshift.sybase;

import java.util.Locale;

import dbshift.core.model.DataType;

/**
 * SAP ASE (Sybase) column types in the model: the ASE type name in lower case, lengths in characters for
 * unichar/univarchar (ASE keeps bytes), precision and scale for numeric/decimal. ASE's own types the SQL Server
 * converter maps: unichar, univarchar, unitext, bigdatetime, bigtime, unsigned smallint/int/bigint, longsysname,
 * timestamp (ASE's varbinary(8) row version).
 */
public final class SybaseTypes {
    private SybaseTypes() {
    }

    public static DataType fromCatalog(String name, int length, Integer precision, Integer scale) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        return switch (n) {
            case "char", "varchar", "binary", "varbinary", "nchar", "nvarchar" -> DataType.withLength(n, length);
            case "unichar", "univarchar" -> DataType.withLength(n, length / 2);
            case "numeric", "numericn" -> DataType.decimal("numeric", precision == null ? 18 : precision, scale == null ? 0 : scale);
            case "decimal", "decimaln" -> DataType.decimal("decimal", precision == null ? 18 : precision, scale == null ? 0 : scale);
            case "float", "floatn" -> precision != null && precision <= 24 ? DataType.of("real") : DataType.of("float");
            case "double precision" -> DataType.of("float");
            case "intn" -> DataType.of(length == 1 ? "tinyint" : length == 2 ? "smallint" : length == 8 ? "bigint" : "int");
            case "datetimn" -> DataType.of(length == 4 ? "smalldatetime" : "datetime");
            case "moneyn" -> DataType.of(length == 4 ? "smallmoney" : "money");
            case "unsigned int", "unsigned smallint", "unsigned bigint", "unsigned tinyint" -> DataType.of(n.replace(' ', '_'));
            default -> DataType.of(n);
        };
    }
}
