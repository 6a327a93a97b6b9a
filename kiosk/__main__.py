from kiosk.app.entry import main

raise SystemExit(main())
