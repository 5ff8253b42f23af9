-- Procedures and functions (sys.objects type P, FN, IF, TF; CLR ones PC, FS, FT have no sys.sql_modules text)
-- with their CREATE text and creation settings. definition is NULL for WITH ENCRYPTION and CLR modules.
SELECT s.name AS schema_name,
       o.name AS routine_name,
       o.type,
       m.definition,
       m.uses_ansi_nulls,
       m.uses_quoted_identifier
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.schema_id = o.schema_id
LEFT JOIN sys.sql_modules AS m ON m.object_id = o.object_id
WHERE o.is_ms_shipped = 0
  AND o.type IN ('P', 'FN', 'IF', 'TF', 'PC', 'FS', 'FT')
ORDER BY s.name, o.name
