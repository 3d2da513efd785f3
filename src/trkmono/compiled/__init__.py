"""The compiled library: checked monographs as plain data, stored for read commands."""
