-- DML triggers on user tables and views (parent_class 1) and database DDL triggers (parent_class 0) from
-- sys.triggers, with their CREATE text (sys.sql_modules; NULL for CLR and encrypted triggers).
SELECT ps.name AS schema_name,
       tr.name AS trigger_name,
       po.name AS table_name,
       tr.parent_class,
       tr.is_disabled,
       tr.is_instead_of_trigger,
       tr.type,
       m.definition,
       m.uses_ansi_nulls,
       m.uses_quoted_identifier
FROM sys.triggers AS tr
LEFT JOIN sys.objects AS po ON po.object_id = tr.parent_id AND tr.parent_class = 1
LEFT JOIN sys.schemas AS ps ON ps.schema_id = po.schema_id
LEFT JOIN sys.sql_modules AS m ON m.object_id = tr.object_id
WHERE tr.is_ms_shipped = 0
ORDER BY tr.parent_class, ps.name, tr.name
