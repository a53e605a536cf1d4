"""The ``antq`` command line.

Public functions, by module (import them from the module; nothing is loaded here,
so ``antq --help`` stays fast):

- ``pipeline.cli.entry``: ``main`` (the console script).
- ``pipeline.cli.main``: the Typer commands ``run``, ``export``, ``evaluate``,
  ``review``, ``report``, ``plots``, ``themes``, ``indicators``;
  ``pipeline.cli.service``: ``serve``, ``bench``; ``pipeline.cli.options``:
  the shared ``--out`` and ``--json`` options.
- ``pipeline.cli.preflight``: ``check_run`` (mistakes found before a run).
- ``pipeline.cli.run_summary``: ``print_summary``.
- ``pipeline.cli.codebook``: ``check_command``, ``check_at_start_up``;
  ``pipeline.cli.codebook_doc``: ``codebook_markdown``.
- ``pipeline.cli.themes``: ``evaluation_report``, ``discover_report``,
  ``indicators_report``.
- ``pipeline.cli.weaknesses``: ``train``, ``evaluate`` (``antq weaknesses``).
"""
