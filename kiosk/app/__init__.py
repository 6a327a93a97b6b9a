"""The application shell: the command line, logging, devices from settings, the station file,
and the composition root that builds the services once and starts the UI.

The domain (catalog, session, outbox, district client) knows nothing of it; it is the one
part of `kiosk` that imports `ui`, and only inside the commands that show a window.
"""
