-- Every MySQL 8 column type with edge values, for value-fidelity tests.
-- [database] `fid_mysql`
DROP DATABASE IF EXISTS `fid_mysql`;
CREATE DATABASE `fid_mysql` CHARACTER SET utf8mb4;
USE `fid_mysql`;
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';
SET SESSION cte_max_recursion_depth = 10000;
-- [table] `fid_mysql`.`types`
CREATE TABLE `types` (
  `id` INT NOT NULL,
  `i8` TINYINT NULL, `u8` TINYINT UNSIGNED NULL, `b1` TINYINT(1) NULL, `i16` SMALLINT NULL, `u24` MEDIUMINT UNSIGNED NULL,
  `i32` INT NULL, `u64` BIGINT UNSIGNED NULL, `i64` BIGINT NULL, `zf` INT(7) UNSIGNED ZEROFILL NULL,
  `d65` DECIMAL(65,30) NULL, `d10` DECIMAL(10,0) NULL, `f` FLOAT NULL, `d` DOUBLE NULL, `bits` BIT(64) NULL, `bit3` BIT(3) NULL,
  `y` YEAR NULL, `t` TIME(6) NULL, `dt0` DATE NULL, `dt` DATETIME(6) NULL, `ts` TIMESTAMP(6) NULL,
  `c` CHAR(10) NULL, `vc` VARCHAR(300) NULL, `vc_latin` VARCHAR(50) CHARACTER SET latin1 NULL,
  `bin` BINARY(8) NULL, `vbin` VARBINARY(64) NULL, `txt` MEDIUMTEXT NULL, `lb` LONGBLOB NULL,
  `j` JSON NULL, `e` ENUM('a','b''s','c\\d','😀') NULL, `s` SET('x','y','z') NULL,
  `g` GEOMETRY NULL, `p` POINT SRID 4326 NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
-- [data] edge values
INSERT INTO `types` VALUES
 (1, -128, 255, 1, -32768, 16777215, -2147483648, 18446744073709551615, -9223372036854775808, 1,
  '12345678901234567890123456789012345.123456789012345678901234567890', -9999999999, 3.14159274, 2.718281828459045,
  b'1111111111111111111111111111111111111111111111111111111111111111', b'101',
  1901, '-838:59:59.000000', '1000-01-01', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000000',
  'fixed', 'variable 😀 𝄞 text', 'Straße', X'0001020304050607', X'00FF00FF5C0A09', REPEAT('long text ', 3000),
  UNHEX(REPEAT('DEADBEEF00', 40000)), '{"b": [1, 2.50, {"c": null}], "a": "text", "n": 1e2}', 'b''s', 'x,z',
  ST_GeomFromText('LINESTRING(0 0, 1 1, 2 1)'), ST_GeomFromText('POINT(52.5 13.4)', 4326)),
 (2, 127, 0, 0, 32767, 0, 2147483647, 0, 9223372036854775807, 9999999,
  '-99999999999999999999999999999999999.999999999999999999999999999999', 9999999999, -1.0000001, -1.7976931348623157E308,
  b'0', b'0', 2155, '838:59:59.000000', '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999',
  '', '', '', X'0000000000000000', X'', '', X'', '[]', 'c\\d', '', ST_GeomFromText('POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))'), NULL),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0000-00-00',
  '0000-00-00 00:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, 0, 1, 1, 0, 1, 0, 1, 0, 0, '0.000000000000000000000000000001', 0, 1.17549435E-38, 4.9E-324, b'1', b'111',
  2000, '00:00:00.000001', '2024-02-29', '2024-02-29 12:00:00.5', '2024-02-29 12:00:00.5',
  'tab	char', CONCAT('line1', CHAR(10), 'line2', CHAR(13), CHAR(0 USING utf8mb4), 'nul', '\\N', '\\'), 'Ä', X'FF', X'5C4E',
  CONCAT('NUL', CHAR(0 USING utf8mb4), 'byte'), X'00', '{"k": "\\u00e9\\t\\n", "deep": {"z": 1, "a": [true, false]}}', '😀', 'y',
  ST_GeomFromText('POINT(-0.5 1e-7)'), ST_GeomFromText('POINT(-89.9 179.9)', 4326)),
 (5, 1, 2, 0, 3, 4, 5, 6, 7, 8, '1.5', 2, 0, -0, X'0000000000000000', X'00', 1999, '-00:00:00.5', '2000-00-00',
  '2000-01-00 10:00:00', '2000-01-01 00:00:00', 'a', '\\t is not a tab', NULL, X'00', X'00', 'x', X'0000', '"just a string"',
  'a', 'x,y,z', NULL, NULL);
-- [data] generated rows
INSERT INTO `types` (`id`, `i32`, `u64`, `d65`, `f`, `d`, `dt`, `ts`, `vc`, `vbin`, `j`, `e`, `bits`)
WITH RECURSIVE n (k) AS (SELECT 100 UNION ALL SELECT k + 1 FROM n WHERE k < 2599)
SELECT k, k * 7919 - 5000000, k * 1000003, k / 7, k / 3.0, k / 11.0, TIMESTAMP('2020-01-01 00:00:00') + INTERVAL k * 3601 SECOND
  + INTERVAL k MICROSECOND, TIMESTAMP('2021-01-01 00:00:00') + INTERVAL k MINUTE, CONCAT('row ', k, ' ✓ ', REPEAT('x', k % 50)),
  UNHEX(LPAD(HEX(k), 8, '0')), JSON_OBJECT('k', k, 'even', k % 2 = 0), ELT(1 + k % 4, 'a', 'b''s', 'c\\d', '😀'), k
FROM n;
-- [table] `fid_mysql`.`by_unique`
CREATE TABLE `by_unique` (`code` VARCHAR(10) NOT NULL, `n` INT NOT NULL, `note` VARCHAR(20) NULL, UNIQUE KEY `uq_code_n` (`code`, `n`)) ENGINE=InnoDB;
INSERT INTO `by_unique` WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 1500) SELECT CONCAT('c', k % 7), k, IF(k % 3 = 0, NULL, 'x') FROM n;
