"""``python -m sec8k``: the same as the ``sec8k`` command."""

from sec8k.cli import main

raise SystemExit(main())
