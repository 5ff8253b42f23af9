-- Views (sys.views) with their complete CREATE text and the ANSI_NULLS / QUOTED_IDENTIFIER settings they were
-- created under (sys.sql_modules). definition is NULL for WITH ENCRYPTION views.
SELECT s.name AS schema_name,
       v.name AS view_name,
       m.definition,
       m.uses_ansi_nulls,
       m.uses_quoted_identifier
FROM sys.views AS v
JOIN sys.schemas AS s ON s.schema_id = v.schema_id
LEFT JOIN sys.sql_modules AS m ON m.object_id = v.object_id
WHERE v.is_ms_shipped = 0
ORDER BY s.name, v.name
