-- MySQL 8 accounts; roles are the accounts that appear as FROM_USER in role_edges.
SELECT u.User, u.Host, u.plugin, u.authentication_string, u.account_locked,
       EXISTS (SELECT 1 FROM mysql.role_edges r WHERE r.FROM_USER = u.User AND r.FROM_HOST = u.Host) AS is_role
FROM mysql.user u
ORDER BY u.User, u.Host
