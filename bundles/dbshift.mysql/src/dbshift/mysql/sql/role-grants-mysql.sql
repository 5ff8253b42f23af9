-- MySQL 8: which roles each account was granted.
SELECT TO_USER, TO_HOST, FROM_USER, FROM_HOST FROM mysql.role_edges ORDER BY TO_USER, TO_HOST, FROM_USER
