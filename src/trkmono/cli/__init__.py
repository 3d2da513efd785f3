"""The command line: a thin typer layer over the library, the clinical functions and the views.

``app.py`` registers every command; ``run`` there is the console-script entry point.
"""
