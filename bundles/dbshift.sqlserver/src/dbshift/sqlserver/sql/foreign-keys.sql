-- Foreign keys (sys.foreign_keys) with their columns in order (sys.foreign_key_columns), the referenced table and
-- columns, actions (NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT) and whether the key is disabled or not trusted.
SELECT s.name AS schema_name,
       t.name AS table_name,
       fk.name AS fk_name,
       rs.name AS ref_schema,
       rt.name AS ref_table,
       pc.name AS column_name,
       rc.name AS ref_column,
       fk.delete_referential_action_desc,
       fk.update_referential_action_desc,
       fk.is_disabled,
       fk.is_not_trusted
FROM sys.foreign_keys AS fk
JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.tables AS t ON t.object_id = fk.parent_object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id
JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id
JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, fk.name, fkc.constraint_column_id
