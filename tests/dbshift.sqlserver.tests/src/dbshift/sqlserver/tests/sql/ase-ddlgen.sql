-- DDL Generator for SAP ASE 16 (ddlgen) style output of a small database, as DBShift's Sybase tests read it.
use trading
go

exec sp_addtype 'ssn_type', 'varchar(11)', 'not null'
go

exec sp_addtype 'uname', 'univarchar(40)', 'null'
go

setuser 'dbo'
go

create table dbo.accounts (
	account_id                      numeric(10,0)                    identity,
	owner_name                      univarchar(100)                  not null,
	nick                            unichar(8)                       null,
	ssn                             ssn_type                         not null,
	opened                          datetime          DEFAULT  getdate()   not null,
	opened_precise                  bigdatetime                      null,
	cutoff                          bigtime                          null,
	lunch                           time                             null,
	balance                         money             DEFAULT  0     not null,
	fee                             smallmoney                       null,
	flags                           unsigned int                     null,
	big_flags                       unsigned bigint                  null,
	notes                           text                             null,
	bio                             unitext                          null,
	photo                           image                            null,
	active                          bit               DEFAULT  1     not null,
	version                         timestamp                        null,
	long_note                       varchar(12000)                   null,
	display                         uname                            null,
	CONSTRAINT pk_accounts PRIMARY KEY CLUSTERED ( account_id )  on 'default',
	CONSTRAINT ck_balance CHECK (balance >= 0)
)
lock datarows
with exp_row_size = 1
on 'default'
go

create table dbo.trades (
	trade_id                        int                              not null,
	account_id                      numeric(10,0)                    not null,
	symbol                          char(8)                          not null,
	quantity                        int                              not null,
	price                           decimal(18,6)                    not null,
	traded_at                       datetime                         not null,
	CONSTRAINT pk_trades PRIMARY KEY NONCLUSTERED ( trade_id )  on 'default'
)
lock allpages
on 'default'
go

create nonclustered index ix_trades_account
	on dbo.trades(account_id, traded_at)
on 'default'
go

create unique nonclustered index ux_trades_symbol
	on dbo.trades(symbol, traded_at desc)
with ignore_dup_key
on 'default'
go

ALTER TABLE dbo.trades ADD CONSTRAINT fk_trades_accounts FOREIGN KEY (account_id) REFERENCES dbo.accounts(account_id)
go

create view dbo.open_positions as
select a.owner_name, t.symbol, sum(t.quantity) as qty
from dbo.accounts a, dbo.trades t
where a.account_id *= t.account_id
group by a.owner_name, t.symbol
go

create view dbo.big_trades as select trade_id, price from dbo.trades where price > 1000
go

create procedure dbo.close_account @id numeric(10,0)
as
begin
    if not exists (select 1 from dbo.accounts where account_id = @id)
    begin
        raiserror 20001 "no such account"
        return 1
    end
    print "closing account %1!", @id
    update dbo.accounts set active = 0 where account_id = @id
    return 0
end
go

create trigger dbo.trg_trades_ins on dbo.trades for insert as
begin
    update dbo.accounts set balance = balance - i.quantity * i.price
    from dbo.accounts a, inserted i where a.account_id = i.account_id
end
go
