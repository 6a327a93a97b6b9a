import sys

try:
    from kiosk.app.cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl+C before a command's own handler is in place (importing)
    print("kiosk: stopped", file=sys.stderr)
    code = 130
raise SystemExit(code)
