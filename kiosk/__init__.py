"""Application core of the community self-service kiosk: free of Qt."""

__version__ = "0.1.0"
