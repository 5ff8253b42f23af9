-- Indexes (sysindexes indid 1..250) with their keys (index_col and index_colorder for positions 1..keycnt),
-- unique (status & 2), primary key (status & 2048), declared by a constraint (status2 & 2), clustered (indid 1 on
-- allpages tables, status2 & 512 on data-only-locked ones).
SELECT user_name(o.uid) AS owner_name, o.name AS table_name, i.name AS index_name, i.indid, i.keycnt,
       CASE WHEN i.status & 2 = 2 THEN 1 ELSE 0 END AS is_unique,
       CASE WHEN i.status & 2048 = 2048 THEN 1 ELSE 0 END AS is_primary_key,
       CASE WHEN i.status2 & 2 = 2 THEN 1 ELSE 0 END AS is_constraint,
       CASE WHEN i.indid = 1 OR i.status2 & 512 = 512 THEN 1 ELSE 0 END AS is_clustered,
       index_col(o.name, i.indid, 1, o.uid) AS k1, index_colorder(o.name, i.indid, 1, o.uid) AS o1,
       index_col(o.name, i.indid, 2, o.uid) AS k2, index_colorder(o.name, i.indid, 2, o.uid) AS o2,
       index_col(o.name, i.indid, 3, o.uid) AS k3, index_colorder(o.name, i.indid, 3, o.uid) AS o3,
       index_col(o.name, i.indid, 4, o.uid) AS k4, index_colorder(o.name, i.indid, 4, o.uid) AS o4,
       index_col(o.name, i.indid, 5, o.uid) AS k5, index_colorder(o.name, i.indid, 5, o.uid) AS o5,
       index_col(o.name, i.indid, 6, o.uid) AS k6, index_colorder(o.name, i.indid, 6, o.uid) AS o6,
       index_col(o.name, i.indid, 7, o.uid) AS k7, index_colorder(o.name, i.indid, 7, o.uid) AS o7,
       index_col(o.name, i.indid, 8, o.uid) AS k8, index_colorder(o.name, i.indid, 8, o.uid) AS o8
FROM sysindexes i
JOIN sysobjects o ON o.id = i.id AND o.type = 'U'
WHERE i.indid BETWEEN 1 AND 250
ORDER BY 1, 2, i.indid
