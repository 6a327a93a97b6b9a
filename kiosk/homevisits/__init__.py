"""上门办理: a home visit requested at the kiosk for someone who cannot come."""
