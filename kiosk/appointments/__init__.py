"""预约办理 and 我的预约: the booking flow, its slip (Qt-free)."""
