-- Owners of user objects in the current database (ASE has owners, not schemas): user_name(uid) of sysobjects
-- rows of type U (table), V (view), P (procedure), SF (SQL function), TR (trigger).
SELECT DISTINCT user_name(o.uid) AS owner_name
FROM sysobjects o
WHERE o.type IN ('U', 'V', 'P', 'SF', 'TR')
ORDER BY 1
