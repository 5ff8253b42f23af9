-- Views whose references no longer resolve (a table or function dropped after the view was created): the server
-- itself cannot use them, so they are left out and reported. Caller-dependent and cross-database references are
-- resolved at run time and are not counted (sys.sql_expression_dependencies, SQL Server 2008+).
SELECT s.name AS schema_name,
       v.name AS view_name,
       d.referenced_schema_name,
       d.referenced_entity_name
FROM sys.sql_expression_dependencies AS d
JOIN sys.views AS v ON v.object_id = d.referencing_id
JOIN sys.schemas AS s ON s.schema_id = v.schema_id
WHERE d.referenced_id IS NULL
  AND d.referenced_class = 1
  AND d.is_caller_dependent = 0
  AND d.is_ambiguous = 0
  AND d.referenced_database_name IS NULL
  AND d.referenced_server_name IS NULL
ORDER BY s.name, v.name
