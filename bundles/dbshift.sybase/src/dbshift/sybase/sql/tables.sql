-- User tables (sysobjects type U) with owner, an estimated row count (row_count(), ASE 15+) and the locking
-- scheme (sysstat2: 0x2000 datarows, 0x4000 datapages, else allpages).
SELECT user_name(o.uid) AS owner_name, o.name AS table_name, o.id,
       row_count(db_id(), o.id) AS row_count,
       CASE WHEN o.sysstat2 & 8192 = 8192 THEN 'datarows' WHEN o.sysstat2 & 16384 = 16384 THEN 'datapages' ELSE 'allpages' END AS lock_scheme,
       CASE WHEN o.sysstat2 & 1024 = 1024 THEN 1 ELSE 0 END AS is_proxy
FROM sysobjects o
WHERE o.type = 'U'
ORDER BY 1, 2
