-- User CLR assemblies of the database (sys.assemblies is_user_defined = 1).
SELECT a.name FROM sys.assemblies AS a WHERE a.is_user_defined = 1 ORDER BY a.name
