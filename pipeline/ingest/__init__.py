"""Ingest: what to read, and reading it into text.

Public functions, by module (import them from the module; nothing is loaded here):

- ``pipeline.ingest.discover``: ``discover`` (files, folders, globs),
  ``read_manifest``, ``ManifestEntry``, ``ManifestError``.
- ``pipeline.ingest.readers``: ``read_file`` (one file to a ``RawDocument`` or a
  ``ReadFailure``), ``decode_bytes``; one module per format inside
  (``text``, ``html``, ``pdf``, ``docx``, ``ocr``, ``encoding``).
"""
