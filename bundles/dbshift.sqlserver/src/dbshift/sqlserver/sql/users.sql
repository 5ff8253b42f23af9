-- Database users and roles (sys.database_principals) without public, dbo, guest, INFORMATION_SCHEMA, sys and
-- the fixed roles; authentication_type_desc is INSTANCE (mapped to a login), DATABASE (contained, password),
-- WINDOWS, EXTERNAL (Microsoft Entra) or NONE (without login); login_name is the login a user maps to by SID
-- (SUSER_SNAME, which also works in an Azure SQL Database user database, where sys.server_principals does not).
SELECT dp.name,
       dp.type,
       dp.default_schema_name,
       dp.authentication_type_desc,
       SUSER_SNAME(dp.sid) AS login_name
FROM sys.database_principals AS dp
WHERE dp.principal_id > 4
  AND dp.is_fixed_role = 0
  AND dp.type IN ('S', 'U', 'G', 'E', 'X', 'R')
  AND dp.name NOT LIKE N'##%'
ORDER BY CASE dp.type WHEN 'R' THEN 0 ELSE 1 END, dp.name
