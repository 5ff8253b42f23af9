-- User tables by name only (sys.tables, sys.schemas): the fallback when tables.sql is refused.
SELECT s.name AS schema_name,
       t.name AS table_name
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name
