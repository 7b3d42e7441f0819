"""Item data roles as plain ints (Qt's fixed values: Qt::DisplayRole is 0, ToolTipRole 3,
UserRole 256).

The first use of PySide's `Qt` namespace builds all of its ~190 Python enums (about 25 ms
here), and the models answer data() while the first window paints, so they compare the ints
that data() receives against these instead. tests/test_roles.py checks they match Qt.
"""

DISPLAY = 0
TOOLTIP = 3
USER = 256

# The app's own roles
CODE = USER + 1      # a jurisdiction's USPS code
SUMMARY = USER + 2   # its JurisdictionSummary
HIT = USER + 3       # a SearchHit
HTML = USER + 4      # a search hit as rich text
