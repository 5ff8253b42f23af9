-- Statements the current database's Query Store recorded (it must be on: ALTER DATABASE … SET QUERY_STORE = ON),
-- with executions, total duration (avg_duration is in microseconds) and when first and last run.
SELECT q.query_id, qt.query_sql_text, SUM(rs.count_executions) AS executions,
       SUM(rs.avg_duration * rs.count_executions) / 1000.0 AS total_ms,
       MIN(rs.first_execution_time) AS first_seen, MAX(rs.last_execution_time) AS last_seen
FROM sys.query_store_query AS q
JOIN sys.query_store_query_text AS qt ON qt.query_text_id = q.query_text_id
JOIN sys.query_store_plan AS p ON p.query_id = q.query_id
JOIN sys.query_store_runtime_stats AS rs ON rs.plan_id = p.plan_id
WHERE q.is_internal_query = 0
GROUP BY q.query_id, qt.query_sql_text
ORDER BY executions DESC
