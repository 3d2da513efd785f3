"""Label watch: whether the labels the monographs were checked against have newer versions (network)."""
