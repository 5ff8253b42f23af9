-- Server logins (sys.server_principals type S SQL login, U Windows login, G Windows group, E/X Microsoft Entra)
-- without the certificate-mapped (##…##) and NT SERVICE / NT AUTHORITY accounts. password_hash needs CONTROL
-- SERVER (LOGINPROPERTY returns NULL otherwise); it is carried only into CREATE LOGIN … HASHED, never reported.
SELECT sp.name,
       sp.type,
       sp.is_disabled,
       sp.default_database_name,
       CONVERT(varchar(514), CAST(LOGINPROPERTY(sp.name, 'PasswordHash') AS varbinary(256)), 1) AS password_hash
FROM sys.server_principals AS sp
WHERE sp.type IN ('S', 'U', 'G', 'E', 'X')
  AND sp.name NOT LIKE N'##%'
  AND sp.name NOT LIKE N'NT SERVICE\%'
  AND sp.name NOT LIKE N'NT AUTHORITY\%'
  AND sp.principal_id > 1
ORDER BY sp.name
