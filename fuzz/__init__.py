"""Fuzzing sec8k: atheris harnesses, the invariants they check, and the regressions found."""
