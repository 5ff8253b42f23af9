-- CHECK constraints (sys.check_constraints): definition as the server normalised it, disabled (NOCHECK) or not,
-- and whether the server generated the name.
SELECT s.name AS schema_name,
       t.name AS table_name,
       cc.name AS check_name,
       cc.definition,
       cc.is_disabled,
       cc.is_system_named
FROM sys.check_constraints AS cc
JOIN sys.tables AS t ON t.object_id = cc.parent_object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, cc.name
