-- User schemas of the current database (sys.schemas): dbo and the schemas people created, without sys,
-- INFORMATION_SCHEMA, guest and the fixed database-role schemas (schema_id 16384 and up, e.g. db_owner).
SELECT s.name
FROM sys.schemas AS s
WHERE s.schema_id < 16384
  AND s.name NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest')
ORDER BY s.name
