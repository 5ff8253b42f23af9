-- MariaDB accounts and roles; account locking lives in the JSON of mysql.global_priv.
SELECT u.User, u.Host, u.plugin, u.authentication_string,
       IF(JSON_VALUE(g.Priv, '$.account_locked') = 1, 'Y', 'N') AS account_locked, u.is_role = 'Y' AS is_role
FROM mysql.user u
LEFT JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host
ORDER BY u.User, u.Host
