"""The window's side of data packages: File → Update data… (a worker thread behind a progress
dialog), the switch to the new data, What changed, Revert, Trust a key, and the data in use
in the status bar and About."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import paths
from desktop.data import keys, packages
from tests.helpers.packages import build_changed, make_package, signing_key


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("view")
    secret, public = signing_key(folder)
    db = build_changed(folder / "newer.db")
    return public, make_package(db, secret, folder / "new.rapkg"), folder


@pytest.fixture
def laptop(clinic):
    user_dir = paths.user_data_dir()
    keys.trust(user_dir, clinic[0])
    return user_dir


def built(qtbot):
    from desktop.app import build_main_window

    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_update_data_installs_on_a_thread_and_the_window_switches(qtbot, laptop, clinic):
    window = built(qtbot)
    actions = window.data_actions
    names = [a.objectName() for a in window.file_menu.actions()]
    assert {"updateDataAction", "revertDataAction", "dataChangesAction",
            "trustKeyAction"} <= set(names)
    assert "bundled data" in window.data_label.text()
    assert not actions.revert_action.isEnabled()
    with qtbot.waitSignal(actions.switched, timeout=60000) as switched, \
            qtbot.waitSignal(actions.installFinished, timeout=60000) as finished:
        assert actions.update_data(clinic[1])
        assert actions.progress_dialog.accessibleName()
        assert actions.progress_dialog.bar().accessibleName() if hasattr(
            actions.progress_dialog, "bar") else True
    assert finished.args == [True] and switched.args == [True]
    assert packages.active_database(laptop).origin == "package"
    # The app rebuilds the window over the new data (desktop/app.py: _switch_data).
    from desktop import app

    new = app._relaunch(window, None, False, "en")
    qtbot.addWidget(new)
    assert "data package" in new.data_label.text()
    assert "November 20, 2026" in new.data_label.text()
    assert new.data_actions.revert_action.isEnabled()
    from desktop.views.help_dialogs import about_html

    about = about_html(new.repo.info, new.data_label.origin,
                       new.data_actions.about_lines())
    assert "signed by test clinic" in about and "new.rapkg" in about
    dialog = new.data_actions.show_changes()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "Virginia" in text and "start of the eligibility window set to July 1, 2026" in text
    assert dialog.text.accessibleName()
    # Revert: asked first, then the window goes back to the bundled data.
    new.data_actions.confirm = lambda title, question: True
    with qtbot.waitSignal(new.data_actions.switched, timeout=10000):
        assert new.data_actions.revert()
    assert packages.active_database(laptop).origin == "bundled"


def test_a_refused_package_says_one_line_and_changes_nothing(qtbot, laptop, tmp_path, clinic):
    window = built(qtbot)
    bad = tmp_path / "bad.rapkg"
    data = bytearray(clinic[1].read_bytes())
    data[len(data) // 2] ^= 0x40
    bad.write_bytes(bytes(data))
    actions = window.data_actions
    with qtbot.waitSignal(actions.installFinished, timeout=60000) as finished:
        actions.update_data(bad)
    assert finished.args == [False]
    assert "was changed after it was signed" in actions.last_error
    assert "The data in use was not changed." in actions.last_error
    assert "\n" not in actions.last_error
    qtbot.waitUntil(lambda: getattr(actions, "failed_box", None) is not None)
    assert actions.failed_box.accessibleName()
    actions.failed_box.close()
    assert packages.active_database(laptop).origin == "bundled"


def test_cancel_stops_the_install_and_keeps_the_data(qtbot, laptop, clinic, monkeypatch):
    window = built(qtbot)
    actions = window.data_actions
    real = packages._copy_member

    def copy_then_wait(*args, **kwargs):  # the person presses Cancel during the copy
        actions.install_thread.cancel()
        return real(*args, **kwargs)

    monkeypatch.setattr(packages, "_copy_member", copy_then_wait)
    with qtbot.waitSignal(actions.installFinished, timeout=60000) as finished:
        actions.update_data(clinic[1])
    assert finished.args == [False] and "cancelled" in actions.last_error
    actions.failed_box.close()
    assert packages.read_pointer(laptop)["active"] is None
    assert not [p for p in packages.data_dir(laptop).iterdir() if p.is_dir()]


def test_trusting_a_key_in_the_window_shows_its_fingerprint(qtbot, tmp_path):
    window = built(qtbot)
    _secret, public = signing_key(tmp_path, "another clinic")
    asked = []
    window.data_actions.confirm = lambda title, question: asked.append(question) or True
    assert window.data_actions.trust_key(tmp_path / "another-clinic.pub")
    assert public.fingerprint in asked[0]
    assert public.raw in [k.raw for k in keys.trusted_keys(paths.user_data_dir())]


def test_with_db_the_package_actions_are_off(qtbot, built_db):
    from desktop.app import build_main_window

    window = build_main_window(built_db)
    qtbot.addWidget(window)
    assert not window.data_actions.update_action.isEnabled()
    assert Path(window.repo.info.path) == Path(built_db)
