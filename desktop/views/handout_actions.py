"""The window's printed and saved sheets: File → Print, Save as PDF and Export handouts, the
paper size and the sheets' language (chosen apart from the window's: the volunteer may read
English while the person reads Spanish). The screener's sheet when the Screener tab is in
front, else the place's handout. Every sheet printed or saved is counted by the event tally
(place codes only). The dialogs and the printing pipeline are imported when first used."""

from __future__ import annotations

from collections.abc import Callable

from desktop import i18n, strings


class HandoutActions:
    def __init__(self, window):
        self.w = window
        self.settings = window.settings

    def page_size(self) -> str:
        size = str(self.settings.value("print/page_size", "letter"))
        return size if size in strings.HANDOUT_PAGE_SIZES else "letter"

    def set_page_size(self, size: str) -> None:
        self.settings.setValue("print/page_size", size)
        for key, action in self.w.paper_actions.items():
            action.setChecked(key == size)

    def language(self) -> str:
        lang = str(self.settings.value("print/language", "") or "")
        return lang if lang in i18n.LANGUAGES else i18n.current()

    def set_language(self, lang: str) -> None:
        self.settings.setValue("print/language", lang)
        for key, action in self.w.handout_language_actions.items():
            action.setChecked(key == lang)

    def _screener_sheet(self) -> str | None:
        """The screener's sheet, when the screener is in front and has a result."""
        screener = self.w.screener
        if not self.w.screener_active() or not screener.has_result():
            return None
        return screener.sheet_html(self.w.repo.info, self.language(),
                                   clinic=self.w.clinic.profile())

    def _make_sheet(self, screening: Callable[[str], object],
                    place: Callable[[str], object]) -> None:
        """The screener's sheet (`screening(html)`) when the screener is in front, else the
        place's handout (`place(code)`). Each returns something true when a sheet was made
        (the saved file, or True); every sheet made is counted by the event tally (place
        codes only)."""
        code = self.w.current_code()
        if self.w.screener_active():
            html = self._screener_sheet()
            if html is not None and screening(html):
                self.w.clinic.count(self.w.screener.sheet_places(), "sheets")
        elif code and place(code):
            self.w.clinic.count([code], "sheets")

    def print_page(self) -> None:
        from desktop.printing.handout import print_html
        from desktop.views.handout_export import print_handout_dialog

        self._make_sheet(
            lambda html: print_html(html, self.w, self.page_size()),
            lambda code: print_handout_dialog(self.w, self.w.repo, self.w.store, code,
                                              page_size=self.page_size(), lang=self.language()))

    def save_pdf(self) -> None:
        from desktop.printing.handout import screening_file_name
        from desktop.views.handout_export import save_handout_dialog, save_html_pdf_dialog

        def screening(html: str) -> object:
            name = screening_file_name(self.w.screener.current_code() or "")
            return save_html_pdf_dialog(self.w, html, name, self.page_size())

        self._make_sheet(
            screening,
            lambda code: save_handout_dialog(self.w, self.w.repo, self.w.store, code,
                                             page_size=self.page_size(), lang=self.language()))

    def export_all(self) -> None:
        from desktop.views.handout_export import export_handouts_dialog

        code = self.w.current_code()
        export_handouts_dialog(self.w, self.w.repo, self.w.store,
                               selected=[code] if code else [],
                               page_size=self.page_size(), lang=self.language())
