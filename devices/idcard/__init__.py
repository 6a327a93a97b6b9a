"""Second-generation resident ID card reader (SAM module, serial protocol): DOMAIN.md §5."""
