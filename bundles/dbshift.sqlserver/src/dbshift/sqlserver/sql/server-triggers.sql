-- Server-scoped DDL and logon triggers (sys.server_triggers). Not available on Azure SQL Database.
SELECT tr.name FROM sys.server_triggers AS tr WHERE tr.is_ms_shipped = 0 ORDER BY tr.name
