"""The consumer project is run by test_installed_wheel.py in its own venv, never collected here."""

collect_ignore = ["consumer"]
