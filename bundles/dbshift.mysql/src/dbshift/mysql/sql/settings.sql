-- Server facts a migration depends on. Column labels become the catalog's setting keys.
SELECT @@version AS `version`, @@version_comment AS `version_comment`, @@sql_mode AS `sql_mode`,
       @@lower_case_table_names AS `lower_case_table_names`, @@character_set_server AS `character_set_server`,
       @@collation_server AS `collation_server`, @@local_infile AS `local_infile`, @@log_bin AS `log_bin`,
       @@log_bin_trust_function_creators AS `log_bin_trust_function_creators`, @@event_scheduler AS `event_scheduler`,
       @@time_zone AS `time_zone`, @@default_storage_engine AS `default_storage_engine`, CURRENT_USER() AS `current_user`
