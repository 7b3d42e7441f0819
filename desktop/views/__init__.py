"""Widgets. Views never run SQL: they get plain dataclasses from desktop.data."""
