-- Row count and size of the heap or clustered index of each user table (sys.partitions, sys.allocation_units:
-- in-row and row-overflow units belong to the hobt, LOB units to the partition).
SELECT s.name AS schema_name,
       t.name AS table_name,
       (SELECT SUM(p.rows) FROM sys.partitions AS p
         WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS row_count,
       (SELECT SUM(CAST(a.used_pages AS bigint)) * 8192
          FROM sys.partitions AS p
          JOIN sys.allocation_units AS a
            ON (a.type IN (1, 3) AND a.container_id = p.hobt_id) OR (a.type = 2 AND a.container_id = p.partition_id)
         WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS data_bytes
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_ms_shipped = 0
