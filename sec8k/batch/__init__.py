"""``sec8k batch``: parse many filings into typed tables, resumably, on one machine or more.

:mod:`~sec8k.batch.inputs` finds the inputs, :mod:`~sec8k.batch.tables` says what each
table holds and makes rows of a filing, :mod:`~sec8k.batch.store` writes them as Parquet
part files and knows which inputs are done.
"""
