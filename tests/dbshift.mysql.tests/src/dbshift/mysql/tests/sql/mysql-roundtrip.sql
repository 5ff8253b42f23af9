-- A MySQL 8 database with every kind of object DBShift reads, for round-trip tests.
-- [database] `rt`
DROP DATABASE IF EXISTS `rt`;
CREATE DATABASE `rt` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
USE `rt`;
SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';

-- [table] `rt`.`parent`
CREATE TABLE `parent` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `code` CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `name` VARCHAR(100) NOT NULL DEFAULT 'unnamed',
  `created` TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  `uid` BINARY(16) NOT NULL DEFAULT (UUID_TO_BIN(UUID())),
  `note` TEXT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_parent_code` (`code`),
  KEY `ix_parent_name_desc` (`name` DESC, `id`),
  KEY `ix_parent_note` (`note`(50)) INVISIBLE,
  KEY `ix_parent_lower_name` ((LOWER(`name`))),
  FULLTEXT KEY `ft_parent_note` (`note`)
) ENGINE=InnoDB COMMENT='parents';

-- [table] `rt`.`child`
CREATE TABLE `child` (
  `parent_id` INT UNSIGNED NOT NULL,
  `seq` SMALLINT NOT NULL,
  `amount` DECIMAL(12,3) NOT NULL DEFAULT 0.000,
  `qty` INT NOT NULL DEFAULT 1,
  `total` DECIMAL(14,3) GENERATED ALWAYS AS (`amount` * `qty`) VIRTUAL,
  `status` ENUM('open','done','it''s') NOT NULL DEFAULT 'open',
  `tags` SET('a','b','c') NOT NULL DEFAULT 'a,b',
  `secret` INT NULL INVISIBLE,
  PRIMARY KEY (`parent_id`, `seq`),
  CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT `ck_child_qty` CHECK (`qty` > 0),
  CONSTRAINT `ck_child_amount` CHECK (`amount` >= 0) NOT ENFORCED
) ENGINE=InnoDB;

-- [table] `rt`.`geo`
CREATE TABLE `geo` (
  `id` INT NOT NULL,
  `pos` POINT NOT NULL SRID 4326,
  `area` POLYGON NULL,
  `doc` JSON NULL,
  `flags` BIT(12) NOT NULL DEFAULT b'101',
  `year` YEAR NULL,
  `blob` MEDIUMBLOB NULL,
  `zf` INT(6) UNSIGNED ZEROFILL NULL,
  `bool` TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  SPATIAL KEY `sx_geo_pos` (`pos`)
) ENGINE=InnoDB;

-- [table] `rt`.`measurements`
CREATE TABLE `measurements` (
  `taken` DATE NOT NULL,
  `sensor` INT NOT NULL,
  `value` DOUBLE NOT NULL,
  PRIMARY KEY (`taken`, `sensor`)
) ENGINE=InnoDB
PARTITION BY RANGE (YEAR(`taken`)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE);

-- [table] `rt`.`loose`
CREATE TABLE `loose` (
  `a` INT NULL,
  `b` VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_german1_ci NULL
) ENGINE=MyISAM;

-- [table] `rt`.`select`
CREATE TABLE `select` (
  `from` INT NOT NULL,
  `weird ``col`` "x"` VARCHAR(10) NULL,
  PRIMARY KEY (`from`)
) ENGINE=InnoDB;

-- [data] rows
INSERT INTO `parent` (`id`, `code`, `name`, `note`) VALUES (1, 'AAA', 'Alpha', 'first'), (2, 'BBB', 'Beta', NULL), (3, 'CCC', 'Gamma ✓', 'third');
INSERT INTO `child` (`parent_id`, `seq`, `amount`, `qty`, `status`, `tags`, `secret`) VALUES (1, 1, 10.5, 2, 'open', 'a', 7), (1, 2, 3.25, 1, 'it''s', 'b,c', NULL), (2, 1, 0, 5, 'done', '', 1);
INSERT INTO `geo` (`id`, `pos`, `area`, `doc`, `flags`, `year`, `blob`, `zf`, `bool`) VALUES
  (1, ST_SRID(POINT(13.4, 52.5), 4326), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'), '{"k": [1, 2.5, "x"]}', b'111100001111', 2024, X'00FF', 42, 1),
  (2, ST_SRID(POINT(-46.6, -23.5), 4326), NULL, NULL, b'0', NULL, NULL, NULL, 0);
INSERT INTO `measurements` VALUES ('2023-05-01', 1, 1.5), ('2024-06-01', 2, -2.25), ('2031-01-01', 3, 1e-300);
INSERT INTO `loose` VALUES (1, 'Straße'), (NULL, NULL);
INSERT INTO `select` VALUES (1, 'x'), (2, NULL);

-- [view] `rt`.`parent_totals`
CREATE ALGORITHM=MERGE SQL SECURITY DEFINER VIEW `parent_totals` AS
  SELECT p.`id`, p.`name`, SUM(c.`amount` * c.`qty`) AS `total` FROM `parent` p JOIN `child` c ON c.`parent_id` = p.`id` GROUP BY p.`id`, p.`name`;
-- [view] `rt`.`big_parents`
CREATE SQL SECURITY INVOKER VIEW `big_parents` AS SELECT `id`, `name` FROM `parent_totals` WHERE `total` > 5;
-- [view] `rt`.`open_children`
CREATE VIEW `open_children` AS SELECT `parent_id`, `seq`, `status` FROM `child` WHERE `status` = 'open' WITH LOCAL CHECK OPTION;

-- [function] `rt`.`double_it`
DELIMITER ;;
CREATE FUNCTION `double_it`(x INT) RETURNS int
    DETERMINISTIC NO SQL
    COMMENT 'twice x'
RETURN x * 2;;
DELIMITER ;
-- [function] `rt`.`parent_name`
DELIMITER ;;
CREATE FUNCTION `parent_name`(p_id INT UNSIGNED) RETURNS varchar(100) CHARSET utf8mb4
    READS SQL DATA
    SQL SECURITY INVOKER
BEGIN
  DECLARE v VARCHAR(100);
  SELECT `name` INTO v FROM `parent` WHERE `id` = p_id;
  RETURN v;
END;;
DELIMITER ;
-- [procedure] `rt`.`add_child`
DELIMITER ;;
CREATE PROCEDURE `add_child`(IN p_parent INT UNSIGNED, IN p_amount DECIMAL(12,3), OUT p_seq SMALLINT)
    MODIFIES SQL DATA
BEGIN
  SELECT COALESCE(MAX(`seq`), 0) + 1 INTO p_seq FROM `child` WHERE `parent_id` = p_parent;
  INSERT INTO `child` (`parent_id`, `seq`, `amount`) VALUES (p_parent, p_seq, p_amount);
END;;
DELIMITER ;

-- [trigger] `rt`.`child_bi_1`
DELIMITER ;;
CREATE TRIGGER `child_bi_1` BEFORE INSERT ON `child` FOR EACH ROW SET NEW.`qty` = GREATEST(NEW.`qty`, 1);;
DELIMITER ;
-- [trigger] `rt`.`child_bi_2`
DELIMITER ;;
CREATE TRIGGER `child_bi_2` BEFORE INSERT ON `child` FOR EACH ROW FOLLOWS `child_bi_1`
BEGIN
  IF NEW.`amount` < 0 THEN SET NEW.`amount` = 0; END IF;
END;;
DELIMITER ;
-- [trigger] `rt`.`parent_au`
DELIMITER ;;
CREATE TRIGGER `parent_au` AFTER UPDATE ON `parent` FOR EACH ROW UPDATE `child` SET `qty` = `qty` WHERE `parent_id` = NEW.`id`;;
DELIMITER ;

-- [event] `rt`.`nightly`
DELIMITER ;;
CREATE EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 02:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'cleanup'
DO DELETE FROM `child` WHERE `status` = 'done';;
DELIMITER ;
-- [event] `rt`.`once`
DELIMITER ;;
CREATE EVENT `once` ON SCHEDULE AT '2032-06-01 00:00:00' ON COMPLETION PRESERVE ENABLE DO UPDATE `parent` SET `name` = `name`;;
DELIMITER ;

-- [role] `rt_reader`
DROP ROLE IF EXISTS 'rt_reader';
CREATE ROLE 'rt_reader';
GRANT SELECT ON `rt`.* TO 'rt_reader';
-- [user] `rt_app`@`%`
DROP USER IF EXISTS 'rt_app'@'%';
CREATE USER 'rt_app'@'%' IDENTIFIED WITH caching_sha2_password BY 'app-pass-1';
GRANT SELECT, INSERT, UPDATE ON `rt`.* TO 'rt_app'@'%';
GRANT EXECUTE ON PROCEDURE `rt`.`add_child` TO 'rt_app'@'%';
GRANT 'rt_reader' TO 'rt_app'@'%';
-- [user] `rt_admin`@`localhost`
DROP USER IF EXISTS 'rt_admin'@'localhost';
CREATE USER 'rt_admin'@'localhost' IDENTIFIED WITH mysql_native_password BY 'admin-pass-1' ACCOUNT LOCK;
GRANT SELECT (`id`, `name`) ON `rt`.`parent` TO 'rt_admin'@'localhost';
GRANT PROCESS, FILE ON *.* TO 'rt_admin'@'localhost';
