-- Columns (syscolumns) with their type (systypes by usertype; for a user-defined type also its base system type,
-- the systypes row of the same type with usertype < 100), length/precision/scale, nullability (status & 8),
-- identity (status & 128), the text of a default (syscomments of cdefault) and of a computed column (computedcol).
SELECT user_name(o.uid) AS owner_name, o.name AS table_name, c.colid, c.name AS column_name,
       t.name AS type_name, t.usertype,
       (SELECT min(b.name) FROM systypes b WHERE b.type = t.type AND b.usertype < 100
          AND b.name NOT IN ('sysname', 'longsysname', 'nchar', 'nvarchar', 'timestamp')) AS base_type_name,
       c.length, c.prec, c.scale,
       CASE WHEN c.status & 8 = 8 THEN 1 ELSE 0 END AS is_nullable,
       CASE WHEN c.status & 128 = 128 THEN 1 ELSE 0 END AS is_identity,
       c.cdefault, c.computedcol
FROM syscolumns c
JOIN sysobjects o ON o.id = c.id AND o.type = 'U'
JOIN systypes t ON t.usertype = c.usertype
ORDER BY 1, 2, c.colid
