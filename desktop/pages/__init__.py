"""Pages: pure functions from plain data to the HTML a QTextBrowser shows (no widgets).

Everything is built with markupsafe's `Markup`: a template's placeholders are escaped unless
the value is already `Markup`, so data or a translation with `&` or `<` can never become
markup by accident. Page colours come from the palette the caller passes in."""
