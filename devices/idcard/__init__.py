"""Second-generation resident ID card reader (SAM module, serial protocol): docs/domain.md §5."""
