-- Recent statement texts with literals, per digest: the long history (its consumer must be enabled) and the
-- per-thread history. The newest text of a digest wins.
SELECT CURRENT_SCHEMA AS SCHEMA_NAME, DIGEST, SQL_TEXT, TIMER_START
FROM performance_schema.events_statements_history_long
WHERE DIGEST IS NOT NULL AND SQL_TEXT IS NOT NULL
UNION ALL
SELECT CURRENT_SCHEMA, DIGEST, SQL_TEXT, TIMER_START
FROM performance_schema.events_statements_history
WHERE DIGEST IS NOT NULL AND SQL_TEXT IS NOT NULL
ORDER BY TIMER_START
