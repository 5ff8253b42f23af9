-- Check constraints (sysconstraints with a sysobjects row of type R or C for the constraint): name and the id
-- whose syscomments text holds "CONSTRAINT name CHECK (…)".
SELECT user_name(o.uid) AS owner_name, o.name AS table_name, object_name(k.constrid) AS check_name, k.constrid
FROM sysconstraints k
JOIN sysobjects o ON o.id = k.tableid
JOIN sysobjects ko ON ko.id = k.constrid AND ko.type IN ('R', 'C')
ORDER BY 1, 2, 3
