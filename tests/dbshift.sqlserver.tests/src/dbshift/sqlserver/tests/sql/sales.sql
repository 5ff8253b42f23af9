/* DBShift test fixture: a SQL Server schema script as SSMS "Generate Scripts" writes it, plus the hand-written
   forms DBAs use. Covers every type the issue names, computed and sparse columns, collations, identity, keys,
   filtered/included/columnstore indexes, checks, defaults, views, procedures, functions, triggers (table and
   database), sequences, synonyms, alias types, logins, users, roles and permissions. */
USE [SalesDb]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE SCHEMA [sales] AUTHORIZATION [dbo]
GO
CREATE SCHEMA [hr]
GO
CREATE TYPE [dbo].[Phone] FROM [varchar](20) NOT NULL
GO
CREATE TYPE [sales].[Amount] FROM [decimal](19, 4) NULL
GO
CREATE SEQUENCE [sales].[InvoiceNumbers] AS [bigint] START WITH 10000 INCREMENT BY 1 MINVALUE 10000 MAXVALUE 9999999999 NO CYCLE CACHE 50
GO
CREATE SEQUENCE dbo.Tickets INCREMENT BY 5
GO
CREATE TABLE [sales].[Customers](
	[CustomerID] [int] IDENTITY(1,1) NOT NULL,
	[Name] [nvarchar](200) COLLATE Latin1_General_CI_AS NOT NULL,
	[Email] [varchar](320) NULL,
	[Phone] [dbo].[Phone] NULL,
	[Country] [char](2) NOT NULL,
	[CreditLimit] [money] NOT NULL,
	[Discount] [smallmoney] NULL,
	[ExternalKey] [uniqueidentifier] ROWGUIDCOL NOT NULL,
	[CreatedAt] [datetime2](7) NOT NULL,
	[Notes] [nvarchar](max) NULL,
	[Fax] [varchar](20) SPARSE NULL,
	[IsActive] [bit] NOT NULL,
	[RowVer] [rowversion] NOT NULL,
 CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED 
(
	[CustomerID] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
ALTER TABLE [sales].[Customers] ADD  CONSTRAINT [DF_Customers_Country]  DEFAULT ('DE') FOR [Country]
GO
ALTER TABLE [sales].[Customers] ADD  CONSTRAINT [DF_Customers_CreditLimit]  DEFAULT ((0)) FOR [CreditLimit]
GO
ALTER TABLE [sales].[Customers] ADD  DEFAULT (newsequentialid()) FOR [ExternalKey]
GO
ALTER TABLE [sales].[Customers] ADD  CONSTRAINT [DF_Customers_CreatedAt]  DEFAULT (sysutcdatetime()) FOR [CreatedAt]
GO
ALTER TABLE [sales].[Customers] ADD  CONSTRAINT [DF_Customers_IsActive]  DEFAULT ((1)) FOR [IsActive]
GO
ALTER TABLE [sales].[Customers]  WITH CHECK ADD  CONSTRAINT [CK_Customers_Country] CHECK  ((len([Country])=(2)))
GO
ALTER TABLE [sales].[Customers] CHECK CONSTRAINT [CK_Customers_Country]
GO
CREATE UNIQUE NONCLUSTERED INDEX [UX_Customers_Email] ON [sales].[Customers]
(
	[Email] ASC
)
WHERE ([Email] IS NOT NULL)
WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX [IX_Customers_Country] ON [sales].[Customers] ([Country] ASC, [CreatedAt] DESC) INCLUDE ([Name], [CreditLimit])
GO
CREATE TABLE [sales].[Orders](
	[OrderID] [bigint] IDENTITY(1000,5) NOT NULL,
	[CustomerID] [int] NOT NULL,
	[OrderedAt] [datetimeoffset](7) NOT NULL,
	[ShipDate] [date] NULL,
	[ShipTime] [time](3) NULL,
	[Legacy] [datetime] NULL,
	[Small] [smalldatetime] NULL,
	[Total] [sales].[Amount] NULL,
	[Weight] [float] NULL,
	[Ratio] [real] NULL,
	[Qty] [smallint] NOT NULL,
	[Flags] [tinyint] NOT NULL,
	[Doc] [xml] NULL,
	[Extra] [sql_variant] NULL,
	[Node] [hierarchyid] NULL,
	[Place] [geography] NULL,
	[Shape] [geometry] NULL,
	[Blob] [varbinary](max) NULL,
	[Thumb] [image] NULL,
	[Memo] [text] NULL,
	[UMemo] [ntext] NULL,
	[Code] [binary](16) NULL,
	[Price] [numeric](12, 3) NOT NULL,
	[LineTotal]  AS ([Price]*[Qty]) PERSISTED,
	[Label]  AS (concat(N'#',[OrderID])),
 CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED ([OrderID] ASC),
 CONSTRAINT [FK_Orders_Customers] FOREIGN KEY([CustomerID]) REFERENCES [sales].[Customers] ([CustomerID]) ON DELETE CASCADE
)
GO
ALTER TABLE [sales].[Orders] ADD  CONSTRAINT [DF_Orders_Qty]  DEFAULT ((1)) FOR [Qty]
GO
ALTER TABLE [sales].[Orders] ADD  DEFAULT ((0)) FOR [Flags]
GO
ALTER TABLE [sales].[Orders]  WITH NOCHECK ADD  CONSTRAINT [CK_Orders_Qty] CHECK  (([Qty]>(0)))
GO
ALTER TABLE [sales].[Orders] NOCHECK CONSTRAINT [CK_Orders_Qty]
GO
CREATE NONCLUSTERED COLUMNSTORE INDEX [NCCI_Orders] ON [sales].[Orders] ([OrderID], [Qty], [Price])
GO
CREATE TABLE [sales].[OrderLines] (
    [OrderID] bigint NOT NULL,
    [LineNo] int NOT NULL,
    [Sku] nvarchar(40) NOT NULL,
    [Amount] decimal(18, 2) NOT NULL CONSTRAINT [DF_OrderLines_Amount] DEFAULT 0,
    CONSTRAINT [PK_OrderLines] PRIMARY KEY NONCLUSTERED ([OrderID], [LineNo]),
    CONSTRAINT [FK_OrderLines_Orders] FOREIGN KEY ([OrderID]) REFERENCES [sales].[Orders] ([OrderID]),
    CONSTRAINT [UQ_OrderLines_Sku] UNIQUE ([OrderID], [Sku]),
    CHECK ([Amount] >= 0)
)
GO
CREATE CLUSTERED INDEX [CIX_OrderLines_Sku] ON [sales].[OrderLines] ([Sku])
GO
CREATE TABLE [hr].[Employees] (
    [EmployeeID] int NOT NULL PRIMARY KEY,
    [ManagerID] int NULL REFERENCES [hr].[Employees] ([EmployeeID]),
    [Login] nvarchar(128) NOT NULL UNIQUE,
    [Salary] decimal(10, 2) NULL CHECK ([Salary] > 0),
    [Path] hierarchyid NULL
)
GO
CREATE TABLE [hr].[Facts] (
    [Id] int NOT NULL,
    [Value] float NOT NULL
)
GO
CREATE CLUSTERED COLUMNSTORE INDEX [CCI_Facts] ON [hr].[Facts]
GO
CREATE TABLE [dbo].[Odd Name ]] Table] (
    [Id] int NOT NULL,
    [Col "quoted"] nvarchar(10) NULL,
    [Größe] int NULL,
    CONSTRAINT [PK_Odd] PRIMARY KEY ([Id])
)
GO
CREATE VIEW [sales].[ActiveCustomers]
AS
SELECT c.CustomerID, c.Name, c.Email
FROM sales.Customers AS c
WHERE c.IsActive = 1
GO
CREATE VIEW [sales].[BigOrders] WITH SCHEMABINDING
AS
SELECT o.OrderID, o.CustomerID, o.Price
FROM sales.Orders AS o
WHERE o.Price > 1000
GO
CREATE VIEW sales.TopCustomers AS SELECT TOP (10) a.CustomerID, a.Name FROM sales.ActiveCustomers a ORDER BY a.Name
GO
CREATE FUNCTION [sales].[OrderCount] (@CustomerID int)
RETURNS int
AS
BEGIN
    DECLARE @n int;
    SELECT @n = COUNT(*) FROM sales.Orders WHERE CustomerID = @CustomerID;
    RETURN ISNULL(@n, 0);
END
GO
CREATE FUNCTION sales.OrdersOf (@CustomerID int) RETURNS TABLE AS RETURN (SELECT OrderID, Price FROM sales.Orders WHERE CustomerID = @CustomerID)
GO
CREATE PROCEDURE [sales].[PurgeOld]
    @Before date,
    @Deleted int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    IF @Before IS NULL
        RAISERROR(N'@Before is required', 16, 1);
    DELETE FROM sales.Orders WHERE ShipDate < @Before;
    SET @Deleted = @@ROWCOUNT;
    -- GO inside a comment is not a batch separator
    PRINT 'GO';
END
GO
CREATE PROCEDURE dbo.Nightly AS
BEGIN
    EXEC xp_cmdshell 'dir c:\';
    SELECT * FROM OtherDb.dbo.Remote;
    SELECT * FROM LINKED1.OtherDb.dbo.Remote;
    DBCC TRACEON (1222, -1);
END
GO
CREATE TRIGGER [sales].[trg_Orders_Audit] ON [sales].[Orders]
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE o SET Flags = 1 FROM sales.Orders o JOIN inserted i ON i.OrderID = o.OrderID;
END
GO
CREATE TRIGGER [trg_NoDrop] ON DATABASE FOR DROP_TABLE AS
BEGIN
    PRINT 'no drops';
    ROLLBACK;
END
GO
CREATE SYNONYM [dbo].[Clients] FOR [sales].[Customers]
GO
CREATE SYNONYM [dbo].[Remote] FOR [OtherDb].[dbo].[Things]
GO
IF NOT EXISTS (SELECT * FROM sys.views WHERE object_id = OBJECT_ID(N'[dbo].[Wrapped]'))
EXEC dbo.sp_executesql @statement = N'CREATE VIEW [dbo].[Wrapped] AS SELECT 1 AS [One]'
GO
CREATE LOGIN [app] WITH PASSWORD = 0x0200A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4 HASHED, DEFAULT_DATABASE = [SalesDb], CHECK_POLICY = OFF
GO
CREATE LOGIN [CORP\jane] FROM WINDOWS WITH DEFAULT_DATABASE = [SalesDb]
GO
CREATE USER [app] FOR LOGIN [app] WITH DEFAULT_SCHEMA = [sales]
GO
CREATE USER [CORP\jane] FOR LOGIN [CORP\jane]
GO
CREATE ROLE [reporting] AUTHORIZATION [dbo]
GO
ALTER ROLE [reporting] ADD MEMBER [app]
GO
ALTER ROLE [db_datareader] ADD MEMBER [CORP\jane]
GO
GRANT SELECT ON SCHEMA::[sales] TO [reporting]
GO
GRANT EXECUTE ON [sales].[PurgeOld] TO [app] WITH GRANT OPTION
GO
DENY DELETE ON OBJECT::[sales].[Customers] TO [app]
GO
EXEC sp_addlinkedserver @server = N'LINKED1', @srvproduct = N'SQL Server'
GO
EXEC msdb.dbo.sp_add_job @job_name = N'Nightly purge'
GO
CREATE TABLE [dbo].[Broken] (
    [Id] int NOT NULL,
    [Bad] int WEIRDKEYWORD NULL
)
GO
CREATE XML INDEX [XIX_Doc] ON [sales].[Orders] ([Doc])
GO
