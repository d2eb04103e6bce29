"""Entry point of the desktop bundle (PyInstaller, scripts/bundle): the same as the ``kiosk`` console script."""

from mynakiosk.cli import main

raise SystemExit(main())
