"""Plain-Python access to the bundled database: one opener, plain dataclasses out. No Qt."""
