"""The district government-service platform as the kiosk sees it: the client, request
signing, addresses, bounded answers, and the contract (openapi.yaml). The stand-in that plays
the platform in the demo and the tests is its own package, kiosk/standin/.
"""
