-- Synonyms (sys.synonyms) and the one- to four-part name they stand for, as the server keeps it (bracketed).
SELECT s.name AS schema_name,
       y.name AS synonym_name,
       y.base_object_name
FROM sys.synonyms AS y
JOIN sys.schemas AS s ON s.schema_id = y.schema_id
ORDER BY s.name, y.name
