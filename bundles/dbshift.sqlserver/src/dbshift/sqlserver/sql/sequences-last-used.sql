-- The last value each sequence handed out, NULL when never used (sys.sequences.last_used_value, SQL Server 2017+
-- and Azure SQL). Older servers fail this query; the reader then takes current_value.
SELECT s.name AS schema_name,
       q.name AS sequence_name,
       CAST(q.last_used_value AS decimal(38, 0)) AS last_used_value
FROM sys.sequences AS q
JOIN sys.schemas AS s ON s.schema_id = q.schema_id
