-- MySQL 8 keeps one sample text with literals per digest (not MariaDB).
SELECT SCHEMA_NAME, DIGEST, QUERY_SAMPLE_TEXT AS SQL_TEXT
FROM performance_schema.events_statements_summary_by_digest
WHERE DIGEST IS NOT NULL AND QUERY_SAMPLE_TEXT IS NOT NULL
