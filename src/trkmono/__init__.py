"""trkmono: source-cited TRK inhibitor monographs in the terminal."""

__version__ = "0.1.0"
