-- User-defined types (sys.types is_user_defined = 1): alias types with their system base type, length, precision,
-- scale and nullability; table types and CLR (assembly) types are flagged for the reader to report.
SELECT s.name AS schema_name,
       ty.name AS type_name,
       bt.name AS base_type_name,
       ty.max_length,
       ty.precision,
       ty.scale,
       ty.is_nullable,
       ty.is_table_type,
       ty.is_assembly_type
FROM sys.types AS ty
JOIN sys.schemas AS s ON s.schema_id = ty.schema_id
LEFT JOIN sys.types AS bt ON bt.user_type_id = ty.system_type_id AND ty.is_assembly_type = 0 AND ty.is_table_type = 0
WHERE ty.is_user_defined = 1
ORDER BY s.name, ty.name
