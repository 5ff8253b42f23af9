-- A MySQL 8 database with one instance of each problem the MySQL assessment rules look for.
-- [database] `asx`
DROP DATABASE IF EXISTS `asx`;
CREATE DATABASE `asx` CHARACTER SET utf8mb3;
USE `asx`;
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
DROP USER IF EXISTS 'asx_owner'@'%';
CREATE USER 'asx_owner'@'%' IDENTIFIED BY 'owner-pass-9';
GRANT ALL PRIVILEGES ON `asx`.* TO 'asx_owner'@'%';
DROP USER IF EXISTS 'asx_ops'@'%';
CREATE USER 'asx_ops'@'%' IDENTIFIED BY 'ops-pass-9';
GRANT SUPER, FILE, PROCESS ON *.* TO 'asx_ops'@'%';
-- [table] `asx`.`no_key`
CREATE TABLE `no_key` (`a` INT, `b` VARCHAR(10)) ENGINE=InnoDB;
-- [table] `asx`.`legacy`
CREATE TABLE `legacy` (`id` INT NOT NULL AUTO_INCREMENT, `grp` INT NOT NULL, PRIMARY KEY (`grp`, `id`)) ENGINE=MyISAM;
-- [table] `asx`.`wide`
CREATE TABLE `wide` (`id` INT PRIMARY KEY, `code` VARCHAR(1000) CHARACTER SET utf8mb3 NOT NULL, `rank` INT NULL,
  `born` DATE NOT NULL DEFAULT '0000-00-00', KEY `ix_wide_code` (`code`)) ENGINE=InnoDB;
INSERT INTO `wide` VALUES (1, 'x', 1, '0000-00-00'), (2, 'y', 2, '2020-01-01');
-- [view] `asx`.`v_owner`
CREATE DEFINER=`asx_owner`@`%` VIEW `v_owner` AS SELECT `id` FROM `wide`;
-- [function] `asx`.`f_random`
SET GLOBAL log_bin_trust_function_creators = 1;
CREATE DEFINER=`asx_owner`@`%` FUNCTION `f_random`() RETURNS INT NOT DETERMINISTIC RETURN FLOOR(RAND() * 100);
SET GLOBAL log_bin_trust_function_creators = 0;
-- [procedure] `asx`.`p_tune`
CREATE PROCEDURE `p_tune`() SET GLOBAL max_connections = 500;
-- [event] `asx`.`e_tick`
CREATE EVENT `e_tick` ON SCHEDULE EVERY 1 HOUR STARTS '2031-01-01 00:00:00' DISABLE DO SELECT 1;
