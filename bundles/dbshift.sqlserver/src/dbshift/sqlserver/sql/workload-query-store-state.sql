-- Whether the current database's Query Store records anything (READ_WRITE) or only keeps what it has (READ_ONLY).
SELECT actual_state_desc FROM sys.database_query_store_options
