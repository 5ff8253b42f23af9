-- Database users and roles (sys.database_principals), chosen by name and kind rather than id ranges or
-- is_fixed_role (Babelfish sets it on every role), without public, dbo, guest, INFORMATION_SCHEMA, sys and
-- the fixed roles; authentication_type_desc is INSTANCE (mapped to a login), DATABASE (contained, password),
-- WINDOWS, EXTERNAL (Microsoft Entra) or NONE (without login); login_name is the login a user maps to by SID
-- (SUSER_SNAME, which also works in an Azure SQL Database user database, where sys.server_principals does not).
SELECT dp.name,
       dp.type,
       dp.default_schema_name,
       dp.authentication_type_desc,
       SUSER_SNAME(dp.sid) AS login_name
FROM sys.database_principals AS dp
WHERE dp.name NOT IN (N'public', N'dbo', N'guest', N'INFORMATION_SCHEMA', N'sys')
  AND NOT (dp.type = 'R' AND dp.name IN (N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin',
       N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter'))
  AND dp.type IN ('S', 'U', 'G', 'E', 'X', 'R')
  AND dp.name NOT LIKE N'##%'
ORDER BY CASE dp.type WHEN 'R' THEN 0 ELSE 1 END, dp.name
