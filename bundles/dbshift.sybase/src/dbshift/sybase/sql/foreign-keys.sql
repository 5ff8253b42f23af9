-- Foreign keys (sysreferences): constraint name, referencing and referenced table, up to eight key columns by
-- colid (col_name), and the database of the referenced table when it is another one (pmrydbname).
SELECT user_name(o.uid) AS owner_name, o.name AS table_name, object_name(r.constrid) AS fk_name,
       user_name(ro.uid) AS ref_owner, ro.name AS ref_table, r.keycnt, r.pmrydbname,
       col_name(r.tableid, r.fokey1) AS f1, col_name(r.reftabid, r.refkey1) AS r1,
       col_name(r.tableid, r.fokey2) AS f2, col_name(r.reftabid, r.refkey2) AS r2,
       col_name(r.tableid, r.fokey3) AS f3, col_name(r.reftabid, r.refkey3) AS r3,
       col_name(r.tableid, r.fokey4) AS f4, col_name(r.reftabid, r.refkey4) AS r4,
       col_name(r.tableid, r.fokey5) AS f5, col_name(r.reftabid, r.refkey5) AS r5,
       col_name(r.tableid, r.fokey6) AS f6, col_name(r.reftabid, r.refkey6) AS r6,
       col_name(r.tableid, r.fokey7) AS f7, col_name(r.reftabid, r.refkey7) AS r7,
       col_name(r.tableid, r.fokey8) AS f8, col_name(r.reftabid, r.refkey8) AS r8
FROM sysreferences r
JOIN sysobjects o ON o.id = r.tableid
LEFT JOIN sysobjects ro ON ro.id = r.reftabid
ORDER BY 1, 2, 3
