"""Store: the DuckDB file, the derived datasets and the export.

Public functions, by module (import them from the module; nothing is loaded here):

- ``pipeline.store.db``: ``connect``, ``ensure_schema``, ``write_extractions``,
  ``read_table``, ``run_info`` and the other reads and writes of the store.
- ``pipeline.store.dataset``: ``province_indicators`` (the comparable table
  and its rules), ``get_field``.
- ``pipeline.store.theme_tables``: ``theme_matrix``, ``weakness_cells``.
- ``pipeline.store.export``: ``export_all``, ``corrected_tables``, ``write_csv``.
- ``pipeline.store.package``: ``write_package`` (``datapackage.json``).
- ``pipeline.store.checks``: ``check_table`` (pandera checks before writing).
- ``pipeline.store.table_spec``: ``table_spec``, ``columns``, ``primary_key``,
  ``foreign_keys`` (from ``tables.yaml``).
"""
