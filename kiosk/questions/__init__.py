"""留言咨询: a question for the district hotline, left at the kiosk and answered later."""
