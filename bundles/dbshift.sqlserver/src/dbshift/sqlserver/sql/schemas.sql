-- User schemas of the current database (sys.schemas), chosen by name and owner, not by id ranges (ids are the
-- server's business; SQL Server-compatible servers number them differently): dbo and the schemas people created,
-- without sys, INFORMATION_SCHEMA, guest and the schemas of the fixed database roles (db_owner, db_datareader, ...:
-- a schema with the name of the fixed role that owns it).
SELECT s.name
FROM sys.schemas AS s
LEFT JOIN sys.database_principals AS o ON o.principal_id = s.principal_id
WHERE s.name NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest')
  AND NOT (o.type = 'R' AND o.is_fixed_role = 1 AND o.name = s.name)
ORDER BY s.name
