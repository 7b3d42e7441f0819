"""Where user data goes: the app-data folder, or beside the program in portable mode."""

from __future__ import annotations

from desktop import paths


def test_portable_flag_puts_user_data_beside_the_program(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    assert paths.user_data_dir(portable=True) == tmp_path / "user-data"


def test_a_portable_file_beside_the_program_turns_portable_mode_on(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    monkeypatch.delenv("RELIEF_ATLAS_DATA_DIR")
    assert paths.user_data_dir() != tmp_path / "user-data"
    (tmp_path / "portable").write_text("")
    assert paths.user_data_dir() == tmp_path / "user-data"


def test_window_keeps_settings_and_notes_in_the_portable_folder(qtbot, built_db, tmp_path,
                                                               monkeypatch):
    from desktop.app import build_main_window

    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    window = build_main_window(built_db, portable=True)
    qtbot.addWidget(window)
    window.show_jurisdiction("MO")
    window.notes_actions.add_note("Court: Thursdays")
    window.close()
    assert (tmp_path / "user-data" / "user.db").exists()
    assert (tmp_path / "user-data" / "settings.ini").exists()


def test_bundled_files_are_found_from_the_resource_root():
    assert paths.bundled_database() == paths.resource_root() / "db" / "relief.db"
    assert (paths.resource_root() / "resources" / "icons" / "relief-atlas.png").exists()


def test_the_shipped_font_list_seeds_an_empty_matplotlib_cache(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    (bundle / "mpl-cache").mkdir(parents=True)
    (bundle / "mpl-cache" / "fontlist-v9.json").write_text('{"shipped": 1}')
    monkeypatch.setattr(paths, "resource_root", lambda: bundle)
    cache = tmp_path / "cache"
    cache.mkdir()
    paths.seed_font_list(cache)
    assert (cache / "fontlist-v9.json").read_text() == '{"shipped": 1}'
    (cache / "fontlist-v9.json").write_text('{"own": 1}')      # one matplotlib wrote: kept
    paths.seed_font_list(cache)
    assert (cache / "fontlist-v9.json").read_text() == '{"own": 1}'
