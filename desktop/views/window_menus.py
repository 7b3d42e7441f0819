"""The main window's actions, menus and toolbar, built in one place (and listed by Help →
Keyboard shortcuts from the actions themselves). Shortcuts are given as strings: the enums
of QKeySequence cost start-up time."""

from __future__ import annotations

from PySide6.QtGui import QAction

from desktop import i18n, strings


def add_action(w, text: str, slot, *keys, name: str | None = None) -> QAction:
    action = QAction(text, w)
    if name:
        action.setObjectName(name)
    action.setShortcuts(list(keys))  # strings: QKeySequence's enums cost start-up time
    action.triggered.connect(slot)
    w.addAction(action)
    return action


def build_actions(w) -> None:
    """The window's actions (with their keys), menus and toolbar. The keyboard shortcuts
    list (Help) is generated from these actions."""
    w.back_action = add_action(w, strings.ACTION_BACK, w.go_back, "Alt+Left", name="backAction")
    w.forward_action = add_action(w, strings.ACTION_FORWARD, w.go_forward, "Alt+Right",
                            name="forwardAction")
    w.home_action = add_action(w, strings.ACTION_HOME, w.show_overview, "Alt+Home",
                               name="homeAction")
    w.search_action = add_action(w, strings.ACTION_SEARCH, w.focus_search, "Ctrl+F", "Ctrl+K",
                            name="searchAction")
    w.find_action = add_action(w, strings.ACTION_FIND, w.open_find_bar, "Ctrl+Shift+F", "F3",
                            name="findAction")
    w.zoom_in_action = add_action(w, strings.ACTION_ZOOM_IN, lambda: w.zoom(1), "Ctrl++", "Ctrl+=",
                            name="zoomIn")
    w.zoom_out_action = add_action(w, strings.ACTION_ZOOM_OUT, lambda: w.zoom(-1), "Ctrl+-",
                            name="zoomOut")
    w.zoom_reset_action = add_action(w, strings.ACTION_ZOOM_RESET, w.zoom_reset, "Ctrl+0",
                            name="zoomReset")
    w.shortcuts_action = add_action(w, strings.ACTION_SHORTCUTS, w.show_shortcuts, "F1",
                            name="shortcutsAction")
    w.about_action = add_action(w, strings.ACTION_ABOUT, w.show_about, name="aboutAction")
    w.next_pane_action = add_action(w, strings.ACTION_NEXT_PANE, w.focus_next_pane, "F6",
                            name="nextPaneAction")
    w.quit_action = add_action(w, strings.ACTION_QUIT, w.close, "Ctrl+Q", name="quitAction")
    w.page_tab_action = add_action(w, strings.ACTION_SHOW_JURISDICTION, w.show_page_tab, "Ctrl+1",
                            name="pageTabAction")
    w.charts_action = add_action(w, strings.ACTION_SHOW_CHARTS, lambda: w.show_charts(), "Ctrl+2",
                            name="chartsAction")
    w.screener_action = add_action(w, strings.ACTION_SHOW_SCREENER, lambda: w.show_screener(),
        "Ctrl+3", name="screenerAction")
    w.new_person_action = add_action(w, strings.ACTION_NEW_PERSON, w.new_person, "Ctrl+N",
                            name="newPersonAction")
    w.bookmark_action = add_action(w, strings.ACTION_BOOKMARK, w.toggle_bookmark, "Ctrl+D",
                            name="bookmarkAction")
    w.bookmark_action.setCheckable(True)
    w.add_note_action = add_action(w, strings.ACTION_ADD_NOTE, lambda: w.add_note(), "Ctrl+Shift+N",
                            name="addNoteAction")
    w.compare_action = add_action(w, strings.ACTION_COMPARE, w.open_compare, "Ctrl+Shift+C",
                            name="compareAction")
    w.print_action = add_action(w, strings.ACTION_PRINT, w.print_page, "Ctrl+P", name="printAction")
    w.save_pdf_action = add_action(w, strings.ACTION_SAVE_PDF, w.save_page_pdf, "Ctrl+Shift+S",
                            name="savePdfAction")
    w.export_handouts_action = add_action(w, strings.ACTION_EXPORT_HANDOUTS, w.export_handouts,
        "Ctrl+Shift+E", name="exportHandoutsAction")
    w.export_notes_action = add_action(w, strings.ACTION_EXPORT_NOTES, lambda: w.export_notes(),
                            name="exportNotesAction")
    w.import_notes_action = add_action(w, strings.ACTION_IMPORT_NOTES, lambda: w.import_notes(),
                            name="importNotesAction")
    from desktop.views.clinic_actions import ClinicActions

    w.clinic = ClinicActions(w)  # File → Clinic details…, Event tally… (issue 17)
    bar = w.menuBar()
    w.file_menu = bar.addMenu(strings.MENU_FILE)
    w.file_menu.addAction(w.new_person_action)
    w.file_menu.addSeparator()
    w.file_menu.addActions([w.print_action, w.save_pdf_action,
                               w.export_handouts_action])
    paper = w.file_menu.addMenu(strings.MENU_PAPER)
    w.paper_actions = {}
    for size, label in strings.HANDOUT_PAGE_SIZES.items():
        action = paper.addAction(label, lambda checked=False, s=size: w.set_page_size(s))
        action.setCheckable(True)
        w.paper_actions[size] = action
    sheet_language = w.file_menu.addMenu(strings.MENU_HANDOUT_LANGUAGE)
    sheet_language.setObjectName("handoutLanguageMenu")
    w.handout_language_actions = {}
    for code, name in i18n.LANGUAGES.items():
        action = sheet_language.addAction(
            name, lambda checked=False, c=code: w.set_handout_language(c))
        action.setCheckable(True)
        action.setChecked(code == w.handout_language())
        w.handout_language_actions[code] = action
    w.file_menu.addSeparator()
    w.file_menu.addActions([w.export_notes_action, w.import_notes_action,
                               *w.clinic.actions()])
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.quit_action)
    edit = bar.addMenu(strings.MENU_EDIT)
    edit.addActions([w.search_action, w.find_action])
    view = bar.addMenu(strings.MENU_VIEW)
    view.addActions([w.page_tab_action, w.charts_action, w.screener_action])
    view.addSeparator()
    view.addActions([w.zoom_in_action, w.zoom_out_action, w.zoom_reset_action])
    view.addSeparator()
    reopen = view.addAction(strings.ACTION_REOPEN_LAST)
    reopen.setObjectName("reopenLastAction")
    reopen.setCheckable(True)
    reopen.setChecked(w.reopen_last())
    reopen.toggled.connect(w.set_reopen_last)
    language_menu = view.addMenu(strings.MENU_LANGUAGE)
    language_menu.setObjectName("languageMenu")
    for code, name in i18n.LANGUAGES.items():
        action = language_menu.addAction(
            name, lambda checked=False, c=code: w.choose_language(c))
        action.setCheckable(True)
        action.setChecked(code == i18n.current())
    go = bar.addMenu(strings.MENU_GO)
    go.addActions([w.back_action, w.forward_action, w.home_action])
    go.addSeparator()
    go.addAction(w.compare_action)
    w.bookmarks_menu = bar.addMenu(strings.MENU_BOOKMARKS)
    w.bookmarks_menu.aboutToShow.connect(w._fill_bookmarks_menu)
    help_menu = bar.addMenu(strings.MENU_HELP)
    help_menu.addActions([w.shortcuts_action, w.about_action])
    toolbar = w.addToolBar("Navigation")
    toolbar.setObjectName("navigationToolbar")
    toolbar.setMovable(False)
    toolbar.addActions([w.back_action, w.forward_action, w.home_action])
    toolbar.addSeparator()
    toolbar.addActions([w.bookmark_action, w.add_note_action, w.compare_action])
    toolbar.addSeparator()
    toolbar.addActions([w.print_action, w.save_pdf_action])
    for action in (w.export_notes_action, w.import_notes_action):
        action.setEnabled(w.store is not None)
    w._update_history_actions()
    w._update_page_actions()
