-- Where the database's change tracking stands: the version of the last committed change (NULL when change tracking
-- is off for the database), the database's name, and whether snapshot isolation is allowed (Microsoft's advice
-- for reading the versions and the changes consistently).
SELECT CHANGE_TRACKING_CURRENT_VERSION() AS current_version,
       DB_NAME() AS database_name,
       d.snapshot_isolation_state AS snapshot_state
FROM sys.databases AS d
WHERE d.database_id = DB_ID()
