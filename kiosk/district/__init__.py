"""The district government-service platform: its client and a local stand-in."""
