-- Memberships in database roles, fixed (db_datareader, …) and user-defined (sys.database_role_members).
SELECT m.name AS member_name,
       r.name AS role_name
FROM sys.database_role_members AS rm
JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id
JOIN sys.database_principals AS m ON m.principal_id = rm.member_principal_id
WHERE m.principal_id > 4
ORDER BY m.name, r.name
