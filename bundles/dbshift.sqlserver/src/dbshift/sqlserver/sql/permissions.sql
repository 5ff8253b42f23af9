-- Database permissions (sys.database_permissions) with the securable spelled as GRANT wants it: class 0 the
-- database, 1 an object or one of its columns, 3 a schema, 4 a database principal, 6 a type; state G grant,
-- W grant with grant option, D deny. The CONNECT every user gets with CREATE USER is left out.
SELECT g.name AS grantee,
       p.permission_name,
       p.state,
       p.class,
       CASE p.class
         WHEN 0 THEN N'DATABASE'
         WHEN 1 THEN N'OBJECT::' + QUOTENAME(OBJECT_SCHEMA_NAME(p.major_id)) + N'.' + QUOTENAME(OBJECT_NAME(p.major_id))
              + CASE WHEN p.minor_id > 0 THEN N' (' + QUOTENAME(COL_NAME(p.major_id, p.minor_id)) + N')' ELSE N'' END
         WHEN 3 THEN N'SCHEMA::' + QUOTENAME(SCHEMA_NAME(p.major_id))
         WHEN 4 THEN (SELECT CASE dp.type WHEN 'R' THEN N'ROLE::' ELSE N'USER::' END + QUOTENAME(dp.name)
                        FROM sys.database_principals AS dp WHERE dp.principal_id = p.major_id)
         WHEN 6 THEN (SELECT N'TYPE::' + QUOTENAME(SCHEMA_NAME(t.schema_id)) + N'.' + QUOTENAME(t.name)
                        FROM sys.types AS t WHERE t.user_type_id = p.major_id)
       END AS securable
FROM sys.database_permissions AS p
JOIN sys.database_principals AS g ON g.principal_id = p.grantee_principal_id
WHERE g.principal_id > 4
  AND p.class IN (0, 1, 3, 4, 6)
  AND NOT (p.class = 0 AND p.permission_name = N'CONNECT')
ORDER BY g.name, p.class, securable, p.permission_name
