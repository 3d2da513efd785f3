"""The cache folder is used only when it is private to this user."""

from __future__ import annotations

import os

from trkmono.compiled.cache_folder import chosen_folder, safe_regular_file, why_not_private


def test_a_private_folder_is_fine(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    assert why_not_private(folder) is None


def test_a_folder_others_can_write_is_not_private(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    folder.chmod(0o757)
    assert "write" in why_not_private(folder)


def test_a_link_is_not_a_folder(tmp_path):
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert "link" in why_not_private(tmp_path / "link")


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.delenv("TRKMONO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert chosen_folder() == tmp_path / ".cache" / "trkmono"


def test_off_disables_the_cache(monkeypatch):
    monkeypatch.setenv("TRKMONO_CACHE_DIR", "off")
    assert chosen_folder() is None


def test_only_small_regular_files_of_ours_are_safe(tmp_path):
    regular = tmp_path / "store"
    regular.write_bytes(b"x" * 10)
    regular.chmod(0o600)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(regular)
    assert safe_regular_file(regular, 100)
    assert not safe_regular_file(regular, 5)
    assert not safe_regular_file(fifo, 100)
    assert not safe_regular_file(link, 100)
