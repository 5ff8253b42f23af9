-- Globally enabled trace flags (DBCC TRACESTATUS(-1); columns TraceFlag, Status, Global, Session).
DBCC TRACESTATUS(-1) WITH NO_INFOMSGS
