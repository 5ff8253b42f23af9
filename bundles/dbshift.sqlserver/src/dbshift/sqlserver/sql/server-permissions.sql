-- Server-level permissions of logins (sys.server_permissions class 100 = the server), state G grant, W grant
-- with grant option, D deny; CONNECT SQL is implied by every login and left out.
SELECT sp.name AS grantee,
       p.permission_name,
       p.state
FROM sys.server_permissions AS p
JOIN sys.server_principals AS sp ON sp.principal_id = p.grantee_principal_id
WHERE p.class = 100
  AND p.permission_name <> N'CONNECT SQL'
  AND sp.type IN ('S', 'U', 'G', 'E', 'X')
  AND sp.name NOT LIKE N'##%'
ORDER BY sp.name, p.permission_name
