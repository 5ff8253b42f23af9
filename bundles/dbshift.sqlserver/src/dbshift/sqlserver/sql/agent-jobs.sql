-- SQL Server Agent jobs (msdb.dbo.sysjobs). Needs read access to msdb; not available on Azure SQL Database.
SELECT j.name FROM msdb.dbo.sysjobs AS j ORDER BY j.name
