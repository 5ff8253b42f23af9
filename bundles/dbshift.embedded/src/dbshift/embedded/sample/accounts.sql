-- Accounts of the sample: owners, applications, a reporting account and an operator with privileges that
-- managed services refuse (FILE, SUPER). Passwords are throw-away demo values.

-- [user] `app_owner`@`%`
CREATE USER IF NOT EXISTS 'app_owner'@'%' IDENTIFIED BY 'owner-demo-1';
GRANT ALL PRIVILEGES ON `shop`.* TO 'app_owner'@'%';

-- [user] `app_rw`@`%`
CREATE USER IF NOT EXISTS 'app_rw'@'%' IDENTIFIED BY 'rw-demo-1';
GRANT SELECT, INSERT, UPDATE, DELETE, EXECUTE ON `shop`.* TO 'app_rw'@'%';

-- [user] `reporting`@`10.0.%`
CREATE USER IF NOT EXISTS 'reporting'@'10.0.%' IDENTIFIED BY 'report-demo-1';
GRANT SELECT, SHOW VIEW ON `shop`.* TO 'reporting'@'10.0.%';
GRANT FILE ON *.* TO 'reporting'@'10.0.%';

-- [user] `ops_admin`@`localhost`
CREATE USER IF NOT EXISTS 'ops_admin'@'localhost' IDENTIFIED BY 'ops-demo-1';
GRANT SUPER, PROCESS, RELOAD ON *.* TO 'ops_admin'@'localhost';
