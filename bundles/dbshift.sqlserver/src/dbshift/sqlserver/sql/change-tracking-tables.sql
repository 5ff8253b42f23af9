-- The tables change tracking follows, and the oldest version whose changes it still holds for each
-- (changes older than that were cleaned up: a sync from before it cannot be complete).
SELECT s.name AS schema_name,
       t.name AS table_name,
       CHANGE_TRACKING_MIN_VALID_VERSION(ct.object_id) AS min_valid_version
FROM sys.change_tracking_tables AS ct
JOIN sys.tables AS t ON t.object_id = ct.object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
