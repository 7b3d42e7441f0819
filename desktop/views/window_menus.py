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


def help_dialogs():
    """Help → Keyboard shortcuts and About: their module is imported when first opened."""
    from desktop.views import help_dialogs as module

    return module


def choose_language(w, code: str) -> None:
    """View → Language: remembered, and the app shows the window again in that language."""
    w.settings.setValue("window/language", code)
    if code != i18n.current():
        w.languageChosen.emit(code)


def focus_next_pane(w) -> None:
    """F6: the search box, the list, the page (or the tab in front), and round again."""
    page = w.detail if w.tabs.currentIndex() == 0 else w.tabs.currentWidget()
    panes = [w.search_field, w.jurisdiction_list, page]
    focused = w.focusWidget()
    current = next((i for i, pane in enumerate(panes)
                    if focused is not None and (focused is pane or pane.isAncestorOf(focused))),
                   -1)
    target = panes[(current + 1) % len(panes)]
    target.setFocus()
    if target is page and w.focusWidget() is not page:
        page.focusNextChild()


def build_actions(w) -> None:
    """The window's actions (with their keys), menus and toolbar. The keyboard shortcuts
    list (Help) is generated from these actions."""
    notes, sheets = w.notes_actions, w.handouts
    table = [  # attribute, text, slot, keys, object name
        ("back_action", strings.ACTION_BACK, w.go_back, ("Alt+Left",), "backAction"),
        ("forward_action", strings.ACTION_FORWARD, w.go_forward, ("Alt+Right",), "forwardAction"),
        ("home_action", strings.ACTION_HOME, lambda: w.show_overview(), ("Alt+Home",),
         "homeAction"),
        ("search_action", strings.ACTION_SEARCH, w.focus_search, ("Ctrl+F", "Ctrl+K"),
         "searchAction"),
        ("find_action", strings.ACTION_FIND, w.open_find_bar, ("Ctrl+Shift+F", "F3"),
         "findAction"),
        ("zoom_in_action", strings.ACTION_ZOOM_IN, lambda: w.zoom(1), ("Ctrl++", "Ctrl+="),
         "zoomIn"),
        ("zoom_out_action", strings.ACTION_ZOOM_OUT, lambda: w.zoom(-1), ("Ctrl+-",), "zoomOut"),
        ("zoom_reset_action", strings.ACTION_ZOOM_RESET, lambda: w.zoom(None), ("Ctrl+0",),
         "zoomReset"),
        ("shortcuts_action", strings.ACTION_SHORTCUTS, lambda: help_dialogs().show_shortcuts(w),
         ("F1",), "shortcutsAction"),
        ("about_action", strings.ACTION_ABOUT, lambda: help_dialogs().show_about(w), (),
         "aboutAction"),
        ("next_pane_action", strings.ACTION_NEXT_PANE, lambda: focus_next_pane(w), ("F6",),
         "nextPaneAction"),
        ("quit_action", strings.ACTION_QUIT, w.close, ("Ctrl+Q",), "quitAction"),
        ("page_tab_action", strings.ACTION_SHOW_JURISDICTION, w.show_page_tab, ("Ctrl+1",),
         "pageTabAction"),
        ("charts_action", strings.ACTION_SHOW_CHARTS, lambda: w.show_charts(), ("Ctrl+2",),
         "chartsAction"),
        ("screener_action", strings.ACTION_SHOW_SCREENER, lambda: w.show_screener(), ("Ctrl+3",),
         "screenerAction"),
        ("new_person_action", strings.ACTION_NEW_PERSON, w.new_person, ("Ctrl+N",),
         "newPersonAction"),
        ("bookmark_action", strings.ACTION_BOOKMARK, notes.toggle_bookmark, ("Ctrl+D",),
         "bookmarkAction"),
        ("add_note_action", strings.ACTION_ADD_NOTE, lambda: notes.add_note(),
         ("Ctrl+Shift+N",), "addNoteAction"),
        ("compare_action", strings.ACTION_COMPARE, w.open_compare, ("Ctrl+Shift+C",),
         "compareAction"),
        ("print_action", strings.ACTION_PRINT, sheets.print_page, ("Ctrl+P",), "printAction"),
        ("save_pdf_action", strings.ACTION_SAVE_PDF, sheets.save_pdf, ("Ctrl+Shift+S",),
         "savePdfAction"),
        ("export_handouts_action", strings.ACTION_EXPORT_HANDOUTS, sheets.export_all,
         ("Ctrl+Shift+E",), "exportHandoutsAction"),
        ("export_notes_action", strings.ACTION_EXPORT_NOTES, lambda: notes.export_notes(), (),
         "exportNotesAction"),
        ("import_notes_action", strings.ACTION_IMPORT_NOTES, lambda: notes.import_notes(), (),
         "importNotesAction"),
    ]
    for attribute, text, slot, keys, name in table:
        setattr(w, attribute, add_action(w, text, slot, *keys, name=name))
    w.bookmark_action.setCheckable(True)
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
        action = paper.addAction(label, lambda checked=False, s=size: w.handouts.set_page_size(s))
        action.setCheckable(True)
        action.setChecked(size == w.handouts.page_size())
        w.paper_actions[size] = action
    sheet_language = w.file_menu.addMenu(strings.MENU_HANDOUT_LANGUAGE)
    sheet_language.setObjectName("handoutLanguageMenu")
    w.handout_language_actions = {}
    for code, name in i18n.LANGUAGES.items():
        action = sheet_language.addAction(
            name, lambda checked=False, c=code: w.handouts.set_language(c))
        action.setCheckable(True)
        action.setChecked(code == w.handouts.language())
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
    reopen.setChecked(w.window_settings.reopen_last())
    reopen.toggled.connect(w.window_settings.set_reopen_last)
    language_menu = view.addMenu(strings.MENU_LANGUAGE)
    language_menu.setObjectName("languageMenu")
    for code, name in i18n.LANGUAGES.items():
        action = language_menu.addAction(
            name, lambda checked=False, c=code: choose_language(w, c))
        action.setCheckable(True)
        action.setChecked(code == i18n.current())
    go = bar.addMenu(strings.MENU_GO)
    go.addActions([w.back_action, w.forward_action, w.home_action])
    go.addSeparator()
    go.addAction(w.compare_action)
    w.bookmarks_menu = bar.addMenu(strings.MENU_BOOKMARKS)
    w.bookmarks_menu.aboutToShow.connect(w.notes_actions.fill_bookmarks_menu)
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
    w.back_action.setEnabled(False)
    w.forward_action.setEnabled(False)
    w.update_page_actions()
