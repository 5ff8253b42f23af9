-- Key and included columns of those indexes (sys.index_columns): key columns by key_ordinal with their
-- direction, included columns (and the columns of a columnstore index) by index_column_id.
SELECT s.name AS schema_name,
       t.name AS table_name,
       i.name AS index_name,
       c.name AS column_name,
       ic.key_ordinal,
       ic.index_column_id,
       ic.is_descending_key,
       ic.is_included_column
FROM sys.index_columns AS ic
JOIN sys.indexes AS i ON i.object_id = ic.object_id AND i.index_id = ic.index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
JOIN sys.tables AS t ON t.object_id = i.object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_ms_shipped = 0
  AND i.type > 0
  AND i.is_hypothetical = 0
ORDER BY s.name, t.name, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id
