"""The district's unified catalog of service items and their guides (办事指南)."""
