"""Device layer: ID-card reader, receipt printer, scanner and their simulators (no Qt)."""
