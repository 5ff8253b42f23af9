-- Views (V), procedures (P), SQL functions (SF) and triggers (TR) with their owner and, for triggers, the table.
SELECT user_name(o.uid) AS owner_name, o.name AS object_name, o.type, o.id,
       (SELECT t.name FROM sysobjects t WHERE o.type = 'TR' AND o.id IN (t.instrig, t.updtrig, t.deltrig)) AS table_name
FROM sysobjects o
WHERE o.type IN ('V', 'P', 'SF', 'TR')
ORDER BY 1, 2
