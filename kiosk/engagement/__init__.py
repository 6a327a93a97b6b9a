"""政民互动: the district's announcements and its opinion surveys (意见征集)."""
