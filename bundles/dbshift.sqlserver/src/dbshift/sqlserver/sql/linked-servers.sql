-- Linked servers of the instance (sys.servers is_linked = 1). Not available on Azure SQL Database.
SELECT s.name FROM sys.servers AS s WHERE s.is_linked = 1 ORDER BY s.name
