"""Charts: functions from plain data to a matplotlib `Figure` (never pyplot).

Importing this package does not import matplotlib: `chart_data` and `theme` are plain
Python, and the figure modules (`relief`, `tile_map`, `timeline`, `counts`, `export`) are
imported only when a chart is first needed.
"""
