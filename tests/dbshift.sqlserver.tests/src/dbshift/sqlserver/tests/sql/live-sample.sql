-- The live suite's SQL Server sample (T-SQL, one statement per GO batch): the column types Babelfish 4.2 supports,
-- IDENTITY, computed columns, defaults, checks, foreign keys, a view, a procedure, a function and a trigger; rows are
-- generated on the server (@customers, @products and @orders are replaced by the test); the trigger comes last, so
-- that the generated rows do not fire it.
CREATE TABLE dbo.customers (
  id int IDENTITY(1,1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
  email nvarchar(200) NOT NULL CONSTRAINT uq_customers_email UNIQUE,
  first_name nvarchar(50) NOT NULL,
  last_name nvarchar(50) NOT NULL,
  country char(2) NOT NULL CONSTRAINT df_customers_country DEFAULT 'DE',
  born date NULL,
  vip bit NOT NULL CONSTRAINT df_customers_vip DEFAULT 0,
  created datetime2(3) NOT NULL CONSTRAINT df_customers_created DEFAULT SYSDATETIME()
)
GO
CREATE TABLE dbo.products (
  id int IDENTITY(1,1) NOT NULL CONSTRAINT pk_products PRIMARY KEY,
  sku varchar(20) NOT NULL,
  title nvarchar(200) NOT NULL,
  body nvarchar(max) NULL,
  notes varchar(max) NULL,
  price decimal(12,2) NOT NULL CONSTRAINT ck_products_price CHECK (price >= 0),
  list_price money NULL,
  small_price smallmoney NULL,
  weight real NULL,
  rating float NULL,
  stock smallint NOT NULL CONSTRAINT df_products_stock DEFAULT 0,
  shelf tinyint NULL,
  barcode bigint NULL,
  ratio numeric(9,5) NULL,
  thumb varbinary(max) NULL,
  code binary(4) NULL,
  label nchar(10) NULL,
  opens time(3) NULL,
  legacy_stamp datetime NULL,
  minute_stamp smalldatetime NULL,
  changed datetimeoffset(3) NULL,
  doc xml NULL,
  guid uniqueidentifier NULL,
  gross AS (price * 1.19)
)
GO
CREATE INDEX ix_products_title ON dbo.products (title) INCLUDE (price)
GO
CREATE TABLE dbo.orders (
  id bigint IDENTITY(1,1) NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
  customer_id int NOT NULL CONSTRAINT fk_orders_customer REFERENCES dbo.customers (id),
  product_id int NOT NULL CONSTRAINT fk_orders_product REFERENCES dbo.products (id),
  quantity int NOT NULL CONSTRAINT ck_orders_quantity CHECK (quantity > 0),
  ordered datetime2(6) NOT NULL,
  total decimal(14,2) NULL,
  status varchar(10) NOT NULL CONSTRAINT df_orders_status DEFAULT 'new'
)
GO
CREATE INDEX ix_orders_customer ON dbo.orders (customer_id, ordered)
GO
CREATE VIEW dbo.v_customer_names AS SELECT c.id, c.first_name + ' ' + c.last_name AS full_name, c.country FROM dbo.customers AS c
GO
CREATE FUNCTION dbo.f_gross (@net decimal(12,2)) RETURNS decimal(14,2) AS BEGIN RETURN @net * 1.19 END
GO
CREATE PROCEDURE dbo.p_orders_of @customer int AS SELECT id, total FROM dbo.orders WHERE customer_id = @customer
GO
GO
CREATE SEQUENCE dbo.seq_invoices AS bigint START WITH 1000 INCREMENT BY 10
GO
INSERT INTO dbo.customers (email, first_name, last_name, country, born, vip)
SELECT TOP (@customers) CONCAT('c', n, '@example.com'), CONCAT(N'Fírst', n), CONCAT(N'Läst', n % 977), CASE n % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'US' END,
       DATEADD(day, n % 20000, CAST('1940-01-01' AS date)), n % 2
FROM (SELECT ROW_NUMBER() OVER (ORDER BY a.object_id) AS n FROM sys.all_columns AS a CROSS JOIN sys.all_columns AS b) AS g
GO
INSERT INTO dbo.products (sku, title, body, notes, price, list_price, small_price, weight, rating, stock, shelf, barcode, ratio, thumb, code, label, opens, legacy_stamp, minute_stamp, changed, doc, guid)
SELECT TOP (@products) CONCAT('SKU-', n), CONCAT(N'Prodüct ', n), REPLICATE(N'ü', n % 50), CASE WHEN n % 4 = 0 THEN NULL ELSE REPLICATE('x', n % 300) END,
       (n % 1000) + 0.99, (n % 1000) + 1.2345, (n % 100) + 0.5, (n % 77) * 0.5, n * 0.125, n % 300, n % 256, 4000000000 + n, (n % 1000) / 7.0,
       CAST(CONCAT('blob', n) AS varbinary(max)), CAST(n AS binary(4)), CONCAT(N'L', n % 10), CAST(DATEADD(second, n % 86000, CAST('00:00:00' AS datetime2(3))) AS time(3)),
       DATEADD(minute, n, CAST('2020-01-01' AS datetime)), DATEADD(minute, n, CAST('2021-01-01' AS smalldatetime)),
       CAST('2022-05-06 07:08:09.123 +02:00' AS datetimeoffset(3)), CASE WHEN n % 5 = 0 THEN CAST(CONCAT('<p n="', n, '"/>') AS xml) END,
       CASE WHEN n % 7 = 0 THEN NULL ELSE CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS uniqueidentifier) END
FROM (SELECT ROW_NUMBER() OVER (ORDER BY a.object_id) AS n FROM sys.all_columns AS a CROSS JOIN sys.all_columns AS b) AS g
GO
INSERT INTO dbo.orders (customer_id, product_id, quantity, ordered, total, status)
SELECT TOP (@orders) 1 + n % @customers, 1 + n % @products, 1 + n % 9, DATEADD(second, n, CAST('2023-01-01 00:00:00.123456' AS datetime2(6))), (n % 5000) * 1.5,
       CASE n % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'paid' WHEN 2 THEN 'sent' ELSE 'done' END
FROM (SELECT ROW_NUMBER() OVER (ORDER BY a.object_id) AS n FROM sys.all_columns AS a CROSS JOIN sys.all_columns AS b) AS g
GO
CREATE TRIGGER dbo.trg_orders_total ON dbo.orders AFTER INSERT AS BEGIN SET NOCOUNT ON; UPDATE o SET total = i.quantity * p.price FROM dbo.orders AS o JOIN inserted AS i ON i.id = o.id JOIN dbo.products AS p ON p.id = i.product_id WHERE o.total IS NULL END
