-- User tables (sys.tables) with the filegroup or partition scheme of the data and of the LOB data. Row counts and
-- sizes are read apart (table-sizes.sql), because the views they need are optional for the migration.
SELECT s.name AS schema_name,
       t.name AS table_name,
       ds.name AS data_space,
       ds.type AS data_space_type,
       lob.name AS lob_data_space,
       t.is_filetable
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
LEFT JOIN sys.indexes AS i ON i.object_id = t.object_id AND i.index_id IN (0, 1)
LEFT JOIN sys.data_spaces AS ds ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.data_spaces AS lob ON lob.data_space_id = t.lob_data_space_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name
