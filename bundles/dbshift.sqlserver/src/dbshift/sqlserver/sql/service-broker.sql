-- Service Broker objects people created: queues (sys.service_queues) and services (sys.services) other than the
-- built-in event and query notification ones.
SELECT N'queue ' + q.name AS object_name FROM sys.service_queues AS q WHERE q.is_ms_shipped = 0
UNION ALL
SELECT N'service ' + sv.name FROM sys.services AS sv
WHERE sv.name NOT LIKE N'http://schemas.microsoft.com/SQL/%'
