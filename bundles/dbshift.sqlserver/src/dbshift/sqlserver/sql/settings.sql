-- Server and database facts a migration needs (SERVERPROPERTY, sys.databases; SQL Server 2012+ and Azure SQL).
-- engine_edition: 2 Standard, 3 Enterprise/Developer, 4 Express, 5 Azure SQL Database, 8 Managed Instance.
SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,
       CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,
       CAST(SERVERPROPERTY('EngineEdition') AS int) AS engine_edition,
       DB_NAME() AS database_name,
       d.compatibility_level,
       d.collation_name,
       d.is_read_committed_snapshot_on,
       d.snapshot_isolation_state_desc,
       d.containment_desc,
       d.is_broker_enabled
FROM sys.databases AS d
WHERE d.database_id = DB_ID()
