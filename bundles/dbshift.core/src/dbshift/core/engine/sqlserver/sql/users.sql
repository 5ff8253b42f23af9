-- Database users and roles (sys.database_principals) without public, dbo, guest, INFORMATION_SCHEMA, sys and
-- the fixed roles; authentication_type_desc is INSTANCE (mapped to a login), DATABASE (contained, password),
-- WINDOWS, EXTERNAL (Microsoft Entra) or NONE (without login); login_name is the login a user maps to by SID.
SELECT dp.name,
       dp.type,
       dp.default_schema_name,
       dp.authentication_type_desc,
       sp.name AS login_name
FROM sys.database_principals AS dp
LEFT JOIN sys.server_principals AS sp ON sp.sid = dp.sid
WHERE dp.principal_id > 4
  AND dp.is_fixed_role = 0
  AND dp.type IN ('S', 'U', 'G', 'E', 'X', 'R')
  AND dp.name NOT LIKE N'##%'
ORDER BY CASE dp.type WHEN 'R' THEN 0 ELSE 1 END, dp.name
