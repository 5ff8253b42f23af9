-- Sequences from INFORMATION_SCHEMA.SEQUENCES: the fallback when sys.sequences is refused. It has no current
-- value and no cache flag.
SELECT q.SEQUENCE_SCHEMA AS schema_name,
       q.SEQUENCE_NAME AS sequence_name,
       q.DATA_TYPE AS type_name,
       q.NUMERIC_PRECISION AS precision,
       CAST(q.START_VALUE AS decimal(38, 0)) AS start_value,
       CAST(q.INCREMENT AS decimal(38, 0)) AS increment,
       CAST(q.MINIMUM_VALUE AS decimal(38, 0)) AS minimum_value,
       CAST(q.MAXIMUM_VALUE AS decimal(38, 0)) AS maximum_value,
       q.CYCLE_OPTION AS cycle_option
FROM INFORMATION_SCHEMA.SEQUENCES AS q
ORDER BY q.SEQUENCE_SCHEMA, q.SEQUENCE_NAME
