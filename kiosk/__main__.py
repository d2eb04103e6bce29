from mynakiosk.cli import main

raise SystemExit(main())
