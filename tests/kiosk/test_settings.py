"""Station settings: defaults, the example file, and one clear line for every mistake."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.settings import (
    SECTIONS,
    NearbyStation,
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
    reference_markdown,
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file_are_valid() -> None:
    settings = load_settings(None)
    assert settings == Settings()
    assert settings.station.display_name("zh_CN") == "西城区月坛街道白云观社区政务服务站"


def test_example_station_file_is_valid(repo: Path) -> None:
    settings = load_settings(repo / "config" / "kiosk.example.toml")
    assert settings.station.terminal_id == "XC-YT-BYG-0001"
    assert settings.session.idle_timeout_s == 90
    stations = settings.out_of_service.stations
    assert [station.phone for station in stations] == ["010-00000001", "010-00000002"]
    assert all("示例" in station.name for station in stations)  # marked as samples


def test_file_overrides_only_the_keys_it_names(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, '[station]\ncommunity = "三里河社区"\n'))
    assert settings.station.community == "三里河社区"
    assert settings.station.street == "月坛街道"
    assert settings.station.display_name("zh_CN") == "西城区月坛街道三里河社区政务服务站"


def test_reference_documents_every_key(repo: Path) -> None:
    """config/REFERENCE.md is what `kiosk config reference` prints (regenerate it if not)."""
    reference = (repo / "config" / "REFERENCE.md").read_text(encoding="utf-8")
    assert reference == reference_markdown()
    for section, cls in SECTIONS.items():
        for spec in dataclasses.fields(cls):
            assert f"`{section}.{spec.name}`" in reference


@pytest.mark.parametrize(
    ("toml", "key", "reason"),
    [
        ("[stationn]\n", "stationn", "unknown section"),
        ("[station]\ncomunity = 'x'\n", "station.comunity", "unknown key"),
        ("[session]\nidle_timeout_s = 'ninety'\n", "session.idle_timeout_s", "whole number"),
        ("[session]\nidle_timeout_s = 90.5\n", "session.idle_timeout_s", "whole number"),
        ("[session]\nidle_timeout_s = 1\n", "session.idle_timeout_s", "between 3 and 3600"),
        ("[session]\nwarning_s = 95\n", "session.warning_s", "shorter than"),
        ("[session]\nelder_factor = 9\n", "session.elder_factor", "between 1 and 4"),
        ("[ui]\nlanguage = 'fr'\n", "ui.language", "must be one of"),
        ("[ui]\nelder_mode_default = 'yes'\n", "ui.elder_mode_default", "true or false"),
        ("[station]\narea_code = '1101'\n", "station.area_code", "wrong form"),
        ("[station]\ncommunity = 3\n", "station.community", "text in quotes"),
        ("[station]\ncommunity = '  '\n", "station.community", "must not be empty"),
        ("[printer]\npaper_mm = 76\n", "printer.paper_mm", "58 or 80"),
        ("[printer]\naddress = 'lpt1'\n", "printer.address", "wrong form"),
        ("[printer]\naddress = 'usb:1234'\n", "printer.address", "usb:0xVVVV:0xPPPP"),
        ("[printer]\nencoding = 'big5'\n", "printer.encoding", "must be one of"),
        ("[id_reader]\npoll_interval_ms = 100\n", "id_reader.poll_interval_ms", "between 300"),
        ("[scanner]\nsuffix = 'TAB'\n", "scanner.suffix", "must be one of"),
        ("station = 3\n", "station", "must be a table"),
    ],
)
def test_bad_value_names_file_key_and_reason(
    tmp_path: Path, toml: str, key: str, reason: str
) -> None:
    path = write(tmp_path, toml)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: ")
    assert reason in message
    assert "\n" not in message


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"invalid TOML.*line 2"):
        load_settings(write(tmp_path, "[station]\ncommunity = \n"))


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="file not found"):
        load_settings(tmp_path / "absent.toml")


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("[station]\ncommunity = '社区'\n".encode("gb18030"))
    with pytest.raises(SettingsError, match="not UTF-8"):
        load_settings(path)


def test_folder_instead_of_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="is a folder"):
        load_settings(tmp_path)


def test_settings_typed_identity_items_take_basic_codes_with_capitals() -> None:
    # The catalog's basic codes are digits and capitals (e.g. 511A0138000000).
    settings = parse_settings({"session": {"typed_identity_items": "511A0138000000,1234"}}, "t")
    assert settings.session.typed_identity_items == "511A0138000000,1234"


def test_out_of_service_stations_are_read_in_order(tmp_path: Path) -> None:
    toml = (
        '[[out_of_service.stations]]\nname = "甲"\naddress = "一号"\nhours = "9-17"\n'
        'phone = "010-1"\n'
        '[[out_of_service.stations]]\nname = "乙"\naddress = "二号"\nhours = "全天"\n'
        'phone = "12345"\n'
    )
    stations = load_settings(write(tmp_path, toml)).out_of_service.stations
    assert stations == (
        NearbyStation("甲", "一号", "9-17", "010-1"),
        NearbyStation("乙", "二号", "全天", "12345"),
    )


@pytest.mark.parametrize(
    ("toml", "key", "reason"),
    [
        ("[out_of_service]\nstations = 'none'\n", "out_of_service.stations", "list of tables"),
        (
            '[[out_of_service.stations]]\nname = "甲"\naddress = "一号"\nhours = "9-17"\n',
            "out_of_service.stations[1].phone",
            "not empty",
        ),
        (
            '[[out_of_service.stations]]\nname = "甲"\naddress = "一号"\nhours = "9-17"\n'
            'phone = "call us"\n',
            "out_of_service.stations[1].phone",
            "wrong form",
        ),
        (
            '[[out_of_service.stations]]\nname = "甲"\naddress = "一号"\nhours = "9-17"\n'
            'phone = "110"\nemail = "a@b"\n',
            "out_of_service.stations[1].email",
            "unknown key",
        ),
        (
            '[[out_of_service.stations]]\nname = " "\naddress = "一号"\nhours = "9-17"\n'
            'phone = "110"\n',
            "out_of_service.stations[1].name",
            "not empty",
        ),
        (
            '[[out_of_service.stations]]\nname = "甲"\naddress = "一号"\nhours = "9"\n'
            'phone = "110"\n' * 5,
            "out_of_service.stations",
            "at most 4",
        ),
    ],
)
def test_out_of_service_station_mistake_names_the_key(
    tmp_path: Path, toml: str, key: str, reason: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, toml))
    assert caught.value.key == key
    assert reason in caught.value.reason


def test_every_problem_is_found_in_file_order_and_the_right_keys_are_kept(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "[ui]\nlanguage = 'fr'\nelder_mode_default = true\n"
        "[session]\nwarning_s = 'ten'\nidle_timeout_s = 5\n"
        "[id_reader]\nbaud = '9600'\nport = '/dev/ttyUSB3'\n"
        "[colour]\n",
    )
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    error = caught.value
    assert [problem.key for problem in error.problems] == [
        "ui.language",
        "session.warning_s",  # not also "shorter than idle_timeout_s": its own problem first
        "id_reader.baud",
        "colour",
    ]
    assert str(error) == error.lines()[0]
    assert error.lines()[2] == (
        f"{path}: id_reader.baud: must be a whole number (got '9600'); "
        "remove the quotes: baud = 9600"
    )
    assert error.settings is not None  # what was right, for `kiosk config check` to go on
    assert error.settings.ui.elder_mode_default is True
    assert error.settings.session.idle_timeout_s == 5
    assert error.settings.id_reader.port == "/dev/ttyUSB3"
    assert error.settings.ui.language == "zh_CN"  # the default, in place of the wrong one


def test_every_pattern_key_says_its_form_in_words() -> None:
    import dataclasses

    from kiosk.settings import SECTIONS

    for name, cls in SECTIONS.items():
        for spec in dataclasses.fields(cls):
            if spec.metadata["pattern"]:
                assert spec.metadata["form"], f"{name}.{spec.name} has a pattern but no form"


@pytest.mark.parametrize("listen", ["localhost", ":9464", "127.0.0.1:99999", "[::1:9464"])
def test_metrics_listen_wrong_form_says_host_port(listen: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings({"metrics": {"listen": listen}}, "kiosk.toml")
    assert caught.value.key == "metrics.listen"
    assert "must be host:port" in caught.value.reason


@pytest.mark.parametrize("listen", ["127.0.0.1:9464", "0.0.0.0:0", "[::1]:9464", ""])
def test_metrics_listen_host_port_or_empty_accepted(listen: str) -> None:
    assert parse_settings({"metrics": {"listen": listen}}, "kiosk.toml").metrics.listen == listen


def test_station_file_far_too_big_is_refused_unread(tmp_path: Path) -> None:
    path = write(tmp_path, "# " + "x" * (100 * 1024) + "\n")
    with pytest.raises(SettingsError, match="is 100 KB; a station file is a few KB"):
        load_settings(path)


def test_station_file_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"\xef\xbb\xbf[station]\ncommunity = 'x'\n")
    assert load_settings(path).station.community == "x"


def test_station_file_in_gbk_names_the_line_and_the_conversion(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("[station]\n\ncommunity = '社区'\n".encode("gbk"))
    with pytest.raises(SettingsError, match=r"not UTF-8 text \(line 3\).*iconv -f GBK"):
        load_settings(path)


def test_station_file_text_without_quotes_is_told_to_quote_it(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match='text goes in quotes: district = "西城区"'):
        load_settings(write(tmp_path, "[station]\ndistrict = 西城区\n"))


def test_station_file_nested_too_deeply_is_a_settings_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[station]\ndistrict = " + "[" * 2000 + "]" * 2000 + "\n")
    with pytest.raises(SettingsError, match="nested too deeply"):
        load_settings(path)


def test_station_file_overlong_value_is_refused_before_any_pattern(tmp_path: Path) -> None:
    path = write(tmp_path, '[ui]\nguide_url_pattern = "https://' + "{code}" * 5000 + '"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert caught.value.key == "ui.guide_url_pattern"
    assert "30008 characters long; at most 1000" in caught.value.reason
    assert len(str(caught.value)) < 200


def test_station_coordinates_given_together_are_kept() -> None:
    station = parse_settings(
        {"station": {"latitude": "39.9139", "longitude": "116.3496"}}, "kiosk.toml"
    ).station
    assert (station.latitude, station.longitude) == ("39.9139", "116.3496")


@pytest.mark.parametrize(
    ("place", "key", "said"),
    [
        ({"latitude": "91.5", "longitude": "116.3"}, "station.latitude", "from -90 to 90"),
        ({"latitude": "39.9", "longitude": "東經116"}, "station.longitude", "from -180 to 180"),
        ({"latitude": "39.9"}, "station.longitude", "give both, or neither"),
        ({"longitude": "116.3"}, "station.latitude", "give both, or neither"),
    ],
)
def test_station_coordinates_out_of_range_or_alone_name_the_key(
    place: dict[str, str], key: str, said: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings({"station": place}, "kiosk.toml")
    assert caught.value.key == key
    assert said in caught.value.reason
