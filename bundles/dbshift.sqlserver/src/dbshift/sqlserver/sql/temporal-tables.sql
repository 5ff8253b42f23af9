-- System-versioned temporal tables and their history tables (sys.tables temporal_type 2 and 1, SQL Server 2016+
-- and Azure SQL); older servers fail this query and have none.
SELECT s.name + N'.' + t.name AS table_name,
       t.temporal_type
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.temporal_type IN (1, 2)
