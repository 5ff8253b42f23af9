-- Row count estimates only (sys.partitions): the fallback when table-sizes.sql is refused. A negative count
-- (statistics not gathered yet) means unknown.
SELECT s.name AS schema_name,
       t.name AS table_name,
       (SELECT MAX(p.rows) FROM sys.partitions AS p
         WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS row_count
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_ms_shipped = 0
