-- Sequences (sys.sequences, SQL Server 2012+). The sql_variant values are cast to decimal(38,0); current_value is
-- the last value handed out (for a sequence never used it equals start_value).
SELECT s.name AS schema_name,
       q.name AS sequence_name,
       ty.name AS type_name,
       q.precision,
       CAST(q.start_value AS decimal(38, 0)) AS start_value,
       CAST(q.increment AS decimal(38, 0)) AS increment,
       CAST(q.minimum_value AS decimal(38, 0)) AS minimum_value,
       CAST(q.maximum_value AS decimal(38, 0)) AS maximum_value,
       q.is_cycling,
       q.is_cached,
       q.cache_size,
       CAST(q.current_value AS decimal(38, 0)) AS current_value
FROM sys.sequences AS q
JOIN sys.schemas AS s ON s.schema_id = q.schema_id
JOIN sys.types AS ty ON ty.user_type_id = q.user_type_id
ORDER BY s.name, q.name
