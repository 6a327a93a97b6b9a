"""A local stand-in for the district platform (the contract in kiosk/district/openapi.yaml).

Not part of the kiosk a station runs: `kiosk demo`, `kiosk platform-sim` and the tests start
it. It alone needs jsonschema and PyYAML, which load only when it validates a request.
"""
