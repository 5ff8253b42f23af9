-- Memory-optimized (In-Memory OLTP) tables (sys.tables is_memory_optimized, SQL Server 2014+ and Azure SQL).
SELECT s.name + N'.' + t.name AS table_name
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_memory_optimized = 1
