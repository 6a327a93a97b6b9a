"""A local stand-in for the district platform (the contract in kiosk/district/openapi.yaml).

Not part of the kiosk a station runs: `kiosk platform-sim` and the tests start it, and
`kiosk demo` runs it in a process of its own. It validates requests against the contract
with jsonschema (the contract read with PyYAML), loaded on the first request it validates.
"""
