-- Whether xp_cmdshell is enabled on the instance (sys.configurations).
SELECT CAST(c.value_in_use AS int) AS value_in_use FROM sys.configurations AS c WHERE c.name = N'xp_cmdshell'
