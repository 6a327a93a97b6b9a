"""办事指南 by real clicks: browse, search on the on-screen keyboard, read a guide, scan its QR."""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from tests.ui.driver import Driver

BIRTH_REGISTRATION = "生育登记服务"


def open_guides(kiosk: Driver) -> None:
    kiosk.click("tile_guides")
    assert kiosk.current_screen() == "guidesScreen"


def test_themes_show_counts_and_open_their_items(kiosk: Driver) -> None:
    open_guides(kiosk)
    assert "生育收养" in kiosk.texts()
    assert "共4项" in kiosk.texts()
    kiosk.click("group_0")
    assert kiosk.current_screen() == "itemListScreen"
    assert kiosk.item("listTitle").property("text") == "生育收养"
    assert kiosk.item("listCount").property("text") == "共4项"
    assert kiosk.item("itemList").property("count") == 4


def test_browse_by_department_and_level(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("browse_department")
    assert "西城区人力资源和社会保障局" in kiosk.texts()
    kiosk.click("browse_level")
    assert kiosk.item("group_2").property("name") == "社区"
    assert kiosk.item("group_2").property("count") == 2
    kiosk.click("group_2")
    assert kiosk.item("listTitle").property("text") == "社区"


def test_item_list_scrolls_by_touch(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("browse_level")
    kiosk.click("group_1")  # 街道: longer than one screen
    items = kiosk.item("itemList")
    assert items.property("contentHeight") > items.height()
    start = items.property("contentY")
    centre = items.mapToScene(QRectF(0, 0, items.width(), items.height()).center()).toPoint()
    QTest.mousePress(kiosk.window, Qt.MouseButton.LeftButton, pos=centre)
    for step in range(1, 11):
        QTest.mouseMove(kiosk.window, QPoint(centre.x(), centre.y() - step * 40))
        kiosk.qtbot.wait(16)
    end = QPoint(centre.x(), centre.y() - 400)
    QTest.mouseRelease(kiosk.window, Qt.MouseButton.LeftButton, pos=end)
    kiosk.wait_until(lambda: items.property("contentY") > start + 100)


def test_guide_shows_every_section(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("group_0")
    kiosk.click("itemRow_0")
    assert kiosk.current_screen() == "guideScreen"
    texts = "\n".join(kiosk.texts())
    for expected in (
        BIRTH_REGISTRATION,
        "示例数据，以区政务服务平台发布为准",
        "办理要点",
        "0次（全程网办）",
        "受理条件",
        "所需材料（2项）",
        "夫妻双方居民身份证",
        "原件 × 1份 · 必需 · 可用电子证照",
        "办理流程",
        "1. 申请：",
        "办理地点和时间",
        "咨询与投诉",
        "常见问题",
        "问：生育登记还需要准生证吗？",
        "答：不需要。北京已实行生育登记服务",
        "设定依据：《中华人民共和国人口与计划生育法》",
        "扫码带走",
    ):
        assert expected in texts, expected


def _decode(image: QImage) -> str:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, stride)[:, :width]
    results = zxingcpp.read_barcodes(np.ascontiguousarray(pixels))
    assert results, "no QR code found"
    return str(results[0].text)


def test_guide_qr_decodes_to_the_guide_address(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("group_0")
    kiosk.click("itemRow_0")
    code = kiosk.ui.catalog.guide.code
    qr = kiosk.item("guideQr")
    flick = kiosk.item("pageFlickable")
    flick.setProperty("contentY", flick.property("contentHeight") - flick.height())
    kiosk.wait_until(lambda: qr.property("paintedWidth") > 0)
    kiosk.settle()
    shot = kiosk.window.grabWindow()
    rect = qr.mapRectToScene(QRectF(0, 0, qr.width(), qr.height())).toRect()
    assert _decode(shot.copy(rect.adjusted(-20, -20, 20, 20))) == (
        f"https://zwfw.example/guide/{code}"
    )


def test_search_by_pinyin_initials_on_the_keyboard(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("jzz")
    # The pinyin engine shows syllables apart while composing: "j z z".
    assert kiosk.item("searchField").property("preeditText").replace(" ", "") == "jzz"
    assert kiosk.ui.catalog.resultModel.count >= 1
    first = kiosk.item("resultRow_0")
    assert first.property("name") == "北京市居住证申领"
    kiosk.click("resultRow_0")
    assert kiosk.current_screen() == "guideScreen"
    assert kiosk.ui.catalog.guide.name == "北京市居住证申领"


def test_search_by_chinese_chosen_on_the_keyboard(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("openSearchButton")
    kiosk.wait_until(kiosk.keyboard_open)
    kiosk.type_keys("shebao")
    kiosk.choose_candidate("社保")
    assert kiosk.item("searchField").property("text") == "社保"
    assert kiosk.item("resultRow_0").property("name") == "社会保障卡申领与补换"


def test_search_without_result_offers_hotline_and_most_asked(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("openSearchButton")
    kiosk.item("searchField").setProperty("text", "火星移民")
    kiosk.settle()
    assert kiosk.visible("noResultHelp")
    assert "12345" in kiosk.item("noResultHelp").property("text")
    assert kiosk.visible("mostAskedList")
    assert kiosk.item("mostAskedRow_0").property("name") == "北京通—养老助残卡申领"


def test_search_giving_up_counts_the_missed_term(kiosk: Driver) -> None:
    missed: list[str] = []
    kiosk.ui.catalog.searchMissed.connect(missed.append)
    open_guides(kiosk)
    kiosk.click("openSearchButton")
    kiosk.item("searchField").setProperty("text", "火星移民")
    kiosk.settle()
    kiosk.click("backButton")
    assert missed == ["火星移民"]


def test_browse_in_english_shows_themes_and_levels_in_english_and_opens_the_same_lists(
    kiosk: Driver,
) -> None:
    kiosk.click("languageButton")
    open_guides(kiosk)
    assert "Birth and adoption" in kiosk.texts()
    assert "生育收养" not in kiosk.texts()
    kiosk.click("browse_level")
    assert kiosk.item("group_2").property("name") == "Community"
    kiosk.click("group_2")
    assert kiosk.item("listTitle").property("text") == "Community"
    assert kiosk.item("itemList").property("count") == 2  # the items of 社区, as in Chinese


def test_guide_in_english_shows_the_catalogs_vocabularies_in_english(kiosk: Driver) -> None:
    kiosk.click("languageButton")
    open_guides(kiosk)
    kiosk.click("group_0")
    assert kiosk.item("listTitle").property("text") == "Birth and adoption"
    kiosk.click("itemRow_0")
    texts = kiosk.texts()
    assert BIRTH_REGISTRATION in texts  # the item's name is data: as it is
    for expected in (
        "Public service",
        "Handled on the spot",
        "Subdistrict level",
        "Service recipients: Individuals",
        "Original × 1 · required · e-licence accepted",
    ):
        assert expected in texts


def test_life_events_list_their_items_in_order_and_materials_once(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("browse_event")
    assert kiosk.item("group_0").property("name") == "生孩子"
    assert kiosk.item("group_0").property("count") == 3
    kiosk.click("group_0")
    assert kiosk.current_screen() == "lifeEventScreen"
    texts = "\n".join(kiosk.texts())
    assert "一件事：生孩子" in texts
    assert kiosk.item("eventItem_0").property("name") == BIRTH_REGISTRATION
    assert kiosk.item("eventItem_1").property("name") == "新生儿出生户口登记"
    assert kiosk.item("eventItem_0").property("canApply")  # 可在本机申报
    materials = kiosk.ui.catalog.eventMaterials
    assert materials.count == len(kiosk.ui.catalog._library.event_materials("LE-BIRTH"))
    assert "用于：新生儿出生户口登记" in texts
    kiosk.click("eventItem_1")
    assert kiosk.current_screen() == "guideScreen"
    assert kiosk.ui.catalog.guide.name == "新生儿出生户口登记"


def test_a_search_naming_a_life_event_offers_it_above_the_items(kiosk: Driver) -> None:
    open_guides(kiosk)
    kiosk.click("openSearchButton")
    kiosk.item("searchField").setProperty("text", "老了办卡")
    kiosk.settle()
    assert kiosk.item("resultRow_0").property("name") == "北京通—养老助残卡申领"
    assert kiosk.visible("foundEvents")
    assert kiosk.item("foundEvent_0").property("text") == "一件事：养老（共4项）"
    kiosk.click("foundEvent_0")
    assert kiosk.current_screen() == "lifeEventScreen"
    assert kiosk.item("eventItem_0").property("name") == "北京通—养老助残卡申领"
