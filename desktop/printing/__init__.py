"""Printing: the one-page handout of a place and the PDF and printer output of any page.

Used by the window (`views/handout_export.py` holds the dialogs), the command line
(`export-handout`, `screen --out`) and the smoke test. Qt's text and PDF classes (QtGui) and
the print dialog (QtPrintSupport, imported only when printing); no widgets of the window."""
