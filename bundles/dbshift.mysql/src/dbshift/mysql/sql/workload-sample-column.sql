-- Whether the digest summary has QUERY_SAMPLE_TEXT (MySQL 8.0.3 and later).
SELECT COUNT(*) FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = 'performance_schema' AND TABLE_NAME = 'events_statements_summary_by_digest'
  AND COLUMN_NAME = 'QUERY_SAMPLE_TEXT'
