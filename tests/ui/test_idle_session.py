"""Idle countdown, 继续, and the end of an unattended session."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.driver import Driver, make_settings


def test_countdown_appears_near_the_end_and_continue_keeps_the_session(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(make_settings(idle_timeout_s=4, warning_s=3))
    kiosk.click("tile_consult")
    kiosk.wait_until(lambda: kiosk.visible("idleDialog"), timeout_ms=4000)
    assert "还需要继续办理吗？" in kiosk.texts()
    assert any("秒后将返回首页" in text for text in kiosk.texts())
    kiosk.click("continueButton")
    assert not kiosk.visible("idleDialog")
    assert kiosk.current_screen() == "consultScreen"


def test_any_touch_resets_the_idle_timer(kiosk: Driver) -> None:
    kiosk.ui.idle.expire_in(30)
    assert kiosk.ui.idle.secondsLeft <= 30
    kiosk.touch_anywhere()
    assert kiosk.ui.idle.secondsLeft > 80


def test_elder_mode_doubles_the_idle_time(kiosk: Driver) -> None:
    kiosk.click("elderButton")
    kiosk.touch_anywhere()
    assert kiosk.ui.idle.secondsLeft > 170


def test_timeout_shows_attract_then_home_with_defaults_restored(
    launch: Callable[..., Driver],
) -> None:
    kiosk = launch(make_settings(idle_timeout_s=3, warning_s=2))
    kiosk.click("languageButton")
    kiosk.click("elderButton")
    kiosk.click("tile_consult")
    kiosk.wait_until(lambda: kiosk.visible("attractScreen"), timeout_ms=8000)
    assert not kiosk.visible("idleDialog")
    assert not kiosk.ui.idle.running
    kiosk.click("attractArea")
    assert not kiosk.visible("attractScreen")
    assert kiosk.current_screen() == "homeScreen"
    assert kiosk.ui.shell.language == "zh_CN"
    assert not kiosk.ui.shell.elderMode
    assert "办事指南" in kiosk.texts()
    assert kiosk.ui.idle.running


def test_timeout_closes_open_notices(kiosk: Driver) -> None:
    kiosk.click("tile_appointment")
    assert kiosk.visible("noticeDialog")
    kiosk.ui.idle.expire_in(0)
    kiosk.settle()
    kiosk.click("attractArea")
    assert not kiosk.visible("noticeDialog")


def test_attract_screen_does_not_count_down(kiosk: Driver) -> None:
    kiosk.ui.idle.expire_in(0)
    kiosk.settle()
    assert kiosk.visible("attractScreen")
    kiosk.touch_anywhere()  # the touch that starts the next session
    assert kiosk.ui.idle.running
    assert not kiosk.visible("attractScreen")
