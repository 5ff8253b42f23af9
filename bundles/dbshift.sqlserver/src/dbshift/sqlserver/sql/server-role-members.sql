-- Memberships of logins in server roles (sys.server_role_members), e.g. sysadmin, dbcreator.
SELECT m.name AS member_name,
       r.name AS role_name
FROM sys.server_role_members AS rm
JOIN sys.server_principals AS r ON r.principal_id = rm.role_principal_id
JOIN sys.server_principals AS m ON m.principal_id = rm.member_principal_id
WHERE m.type IN ('S', 'U', 'G', 'E', 'X')
ORDER BY m.name, r.name
