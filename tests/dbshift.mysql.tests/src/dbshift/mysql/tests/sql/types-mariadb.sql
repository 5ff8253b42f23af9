-- Every MariaDB 11.4 column type with edge values, including MariaDB-only types, for value-fidelity tests.
-- [database] `fid_maria`
DROP DATABASE IF EXISTS `fid_maria`;
CREATE DATABASE `fid_maria` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
USE `fid_maria`;
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';
-- [table] `fid_maria`.`types`
CREATE TABLE `types` (
  `id` INT NOT NULL,
  `i8` TINYINT NULL, `u8` TINYINT UNSIGNED NULL, `i32` INT NULL, `u64` BIGINT UNSIGNED NULL, `zf` INT(7) UNSIGNED ZEROFILL NULL,
  `d65` DECIMAL(65,30) NULL, `f` FLOAT NULL, `d` DOUBLE NULL, `bits` BIT(64) NULL,
  `y` YEAR NULL, `t` TIME(6) NULL, `dt0` DATE NULL, `dt` DATETIME(6) NULL, `ts` TIMESTAMP(6) NULL,
  `c` CHAR(10) NULL, `vc` VARCHAR(300) NULL, `vc3` VARCHAR(50) CHARACTER SET utf8mb3 NULL,
  `bin` BINARY(8) NULL, `vbin` VARBINARY(64) NULL, `txt` MEDIUMTEXT NULL, `lb` LONGBLOB NULL,
  `j` JSON NULL, `e` ENUM('a','b''s','c\\d') NULL, `s` SET('x','y','z') NULL, `g` GEOMETRY NULL,
  `ip` INET6 NULL, `ip4` INET4 NULL, `u` UUID NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
-- [data] edge values
INSERT INTO `types` VALUES
 (1, -128, 255, -2147483648, 18446744073709551615, 1, '12345678901234567890123456789012345.123456789012345678901234567890',
  3.14159274, 2.718281828459045, b'1111111111111111111111111111111111111111111111111111111111111111',
  1901, '-838:59:59.000000', '1000-01-01', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000000',
  'fixed', 'variable 😀 𝄞 text', 'three-byte ✓', X'0001020304050607', X'00FF00FF5C0A09', REPEAT('long text ', 3000),
  UNHEX(REPEAT('DEADBEEF00', 40000)), '{"b": [1, 2.50, {"c": null}], "a": "text", "n": 1e2}', 'b''s', 'x,z',
  ST_GeomFromText('LINESTRING(0 0, 1 1, 2 1)'), '2001:db8::ff00:42:8329', '192.168.0.1', '123e4567-e89b-12d3-a456-426614174000'),
 (2, 127, 0, 2147483647, 0, 9999999, '-99999999999999999999999999999999999.999999999999999999999999999999', -1.0000001,
  -1.7976931348623157E308, b'0', 2155, '838:59:59.000000', '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999',
  '', '', '', X'0000000000000000', X'', '', X'', '[]', 'c\\d', '', ST_GeomFromText('POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))'), '::', '0.0.0.0',
  '00000000-0000-0000-0000-000000000000'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0000-00-00', '0000-00-00 00:00:00', NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, 0, 1, 0, 1, 0, '0.000000000000000000000000000001', 1.17549435E-38, 2.2250738585072014E-308, b'1',
  2000, '00:00:00.000001', '2024-02-29', '2024-02-29 12:00:00.5', '2024-02-29 12:00:00.5',
  'tab	char', CONCAT('line1', CHAR(10), 'line2', CHAR(13), CHAR(0 USING utf8mb4), 'nul', '\\N', '\\'), 'Ä', X'FF', X'5C4E',
  CONCAT('NUL', CHAR(0 USING utf8mb4), 'byte'), X'00', '{"k": "\\u00e9\\t\\n", "deep": {"z": 1, "a": [true, false]}}', NULL, 'y',
  ST_GeomFromText('POINT(-0.5 1e-7)'), 'fe80::1', '10.0.0.255', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
-- [data] generated rows
INSERT INTO `types` (`id`, `i32`, `u64`, `d65`, `f`, `d`, `dt`, `ts`, `vc`, `vbin`, `j`, `e`, `bits`, `u`)
SELECT seq, CAST(seq AS SIGNED) * 7919 - 5000000, seq * 1000003, seq / 7, seq / 3.0, seq / 11.0,
  TIMESTAMP('2020-01-01 00:00:00') + INTERVAL seq * 3601 SECOND + INTERVAL seq MICROSECOND,
  TIMESTAMP('2021-01-01 00:00:00') + INTERVAL seq MINUTE, CONCAT('row ', seq, ' ✓ ', REPEAT('x', seq % 50)),
  UNHEX(LPAD(HEX(seq), 8, '0')), JSON_OBJECT('k', seq, 'even', seq % 2 = 0), ELT(1 + seq % 3, 'a', 'b''s', 'c\\d'), seq, UUID()
FROM seq_100_to_2599;
