"""Work split among processes comes back complete and in order."""

from __future__ import annotations

import os

from trkmono.checking.workers import MIN_ITEMS_PER_WORKER, map_split


def pids_and_items(items: list[int]) -> list[tuple[int, int]]:
    return [(os.getpid(), item) for item in items]


def test_results_keep_the_order_of_the_items():
    items = list(range(MIN_ITEMS_PER_WORKER * 3))
    results = map_split(pids_and_items, items, jobs=2)
    assert [item for _, item in results] == items
    assert len({pid for pid, _ in results} - {os.getpid()}) >= 1  # other processes did the work


def test_little_work_stays_in_this_process():
    results = map_split(pids_and_items, [1, 2, 3], jobs=2)
    assert {pid for pid, _ in results} == {os.getpid()}
