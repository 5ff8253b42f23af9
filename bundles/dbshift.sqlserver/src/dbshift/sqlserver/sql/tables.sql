-- User tables (sys.tables) with row count and size of the heap or clustered index (sys.partitions,
-- sys.allocation_units: in-row and row-overflow units belong to the hobt, LOB units to the partition),
-- and the filegroup or partition scheme of the data and of the LOB data.
SELECT s.name AS schema_name,
       t.name AS table_name,
       (SELECT SUM(p.rows) FROM sys.partitions AS p
         WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS row_count,
       (SELECT SUM(CAST(a.used_pages AS bigint)) * 8192
          FROM sys.partitions AS p
          JOIN sys.allocation_units AS a
            ON (a.type IN (1, 3) AND a.container_id = p.hobt_id) OR (a.type = 2 AND a.container_id = p.partition_id)
         WHERE p.object_id = t.object_id AND p.index_id IN (0, 1)) AS data_bytes,
       ds.name AS data_space,
       ds.type AS data_space_type,
       lob.name AS lob_data_space,
       t.is_filetable
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
JOIN sys.indexes AS i ON i.object_id = t.object_id AND i.index_id IN (0, 1)
LEFT JOIN sys.data_spaces AS ds ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.data_spaces AS lob ON lob.data_space_id = t.lob_data_space_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name
