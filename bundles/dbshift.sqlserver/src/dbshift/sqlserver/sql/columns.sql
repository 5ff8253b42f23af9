-- Columns of user tables (sys.columns) with their type (sys.types; for an alias type also its schema and its
-- system base type), identity seed/increment/last value (sys.identity_columns; sql_variant, cast to decimal(38,0)),
-- computed definition (sys.computed_columns), default constraint (sys.default_constraints), sparse, column set,
-- ROWGUIDCOL, FILESTREAM, and the XML schema collection of typed xml (sys.xml_schema_collections).
SELECT s.name AS schema_name,
       t.name AS table_name,
       c.name AS column_name,
       c.column_id,
       ty.name AS type_name,
       ts.name AS type_schema,
       ty.is_user_defined,
       ty.is_assembly_type,
       bt.name AS base_type_name,
       c.max_length,
       c.precision,
       c.scale,
       c.is_nullable,
       c.collation_name,
       c.is_identity,
       CAST(ic.seed_value AS decimal(38, 0)) AS seed_value,
       CAST(ic.increment_value AS decimal(38, 0)) AS increment_value,
       CAST(ic.last_value AS decimal(38, 0)) AS last_value,
       c.is_computed,
       cc.definition AS computed_definition,
       cc.is_persisted,
       c.is_sparse,
       c.is_column_set,
       c.is_rowguidcol,
       c.is_filestream,
       dc.name AS default_name,
       dc.definition AS default_definition,
       dc.is_system_named AS default_system_named,
       c.is_xml_document,
       xss.name AS xml_collection_schema,
       xsc.name AS xml_collection_name
FROM sys.columns AS c
JOIN sys.tables AS t ON t.object_id = c.object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.schemas AS ts ON ts.schema_id = ty.schema_id
LEFT JOIN sys.types AS bt ON bt.user_type_id = ty.system_type_id
LEFT JOIN sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.default_constraints AS dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.xml_schema_collections AS xsc ON xsc.xml_collection_id = c.xml_collection_id AND c.xml_collection_id <> 0
LEFT JOIN sys.schemas AS xss ON xss.schema_id = xsc.schema_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, c.column_id
