"""Qt item models over plain dataclasses. QtCore only: no widgets."""
