-- Statement shapes the server has run since its statistics were last reset (performance_schema must be ON):
-- one row per database and digest, with executions, total time (picoseconds -> ms) and when first/last seen.
SELECT SCHEMA_NAME, DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT / 1000000000 AS TOTAL_MS, FIRST_SEEN, LAST_SEEN
FROM performance_schema.events_statements_summary_by_digest
WHERE DIGEST IS NOT NULL
ORDER BY COUNT_STAR DESC
