"""The district hotline's knowledge base (一号咨询): questions residents ask, with answers."""
