-- MySQL 8: spatial columns restricted to one spatial reference system.
SELECT TABLE_NAME, COLUMN_NAME, SRS_ID
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ? AND SRS_ID IS NOT NULL
