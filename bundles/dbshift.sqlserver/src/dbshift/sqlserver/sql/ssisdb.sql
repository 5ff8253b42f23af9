-- Whether the instance hosts an SSIS catalog (the SSISDB database).
SELECT CASE WHEN DB_ID(N'SSISDB') IS NULL THEN 0 ELSE 1 END AS has_ssisdb
