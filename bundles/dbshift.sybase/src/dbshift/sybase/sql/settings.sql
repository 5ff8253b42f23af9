-- Server and database facts (ASE 15.7/16): version string, current database, default character set and sort order.
SELECT @@version AS version, db_name() AS database_name,
       (SELECT name FROM master..syscharsets WHERE id = (SELECT value FROM master..sysconfigures WHERE name = 'default character set id')) AS charset,
       (SELECT name FROM master..syscharsets WHERE id = (SELECT value FROM master..sysconfigures WHERE name = 'default sortorder id')) AS sortorder
