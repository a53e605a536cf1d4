"""Flows: run the pipeline over a corpus with Prefect.

Public functions, by module (import them from the module; nothing is loaded here):

- ``pipeline.flows.runner``: ``run_pipeline`` (choose the task runner, run the
  flow), ``up_to_date``.
- ``pipeline.flows.flow``: ``run_flow``, ``extract_batch``, ``build_dataset``.
- ``pipeline.flows.batch``: ``process_batch`` (read and extract one batch).
- ``pipeline.flows.cache_key``: ``cache_key`` (what a stored document depends on).
- ``pipeline.flows.progress``: ``reporting``, ``choose`` (progress bar or log lines).
- ``pipeline.flows.stopping``: ``RunGuard`` (stop cleanly on SIGINT / SIGTERM).
- ``pipeline.flows.budget``: ``time_budget``, ``BudgetExceeded`` (one document's time limit).
- ``pipeline.flows.serve``: ``serve`` (``antq serve``: keep the dataset up to date).
- ``pipeline.flows.prefect_env``: ``configure``; ``pipeline.flows.summary``:
  ``RunSummary``, ``fingerprint``.
"""
