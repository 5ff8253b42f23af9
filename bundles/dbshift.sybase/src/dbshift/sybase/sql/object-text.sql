-- The source text of defaults, checks, computed columns, views, procedures, functions and triggers
-- (syscomments, in 255-character pieces ordered by colid2 and colid); the reader joins the pieces per id.
SELECT cm.id, cm.colid2, cm.colid, cm.text
FROM syscomments cm
JOIN sysobjects o ON o.id = cm.id
WHERE o.type IN ('D', 'C', 'V', 'P', 'SF', 'TR', 'R') OR cm.id IN (SELECT computedcol FROM syscolumns WHERE computedcol IS NOT NULL)
ORDER BY cm.id, cm.colid2, cm.colid
