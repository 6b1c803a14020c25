"""Volume anomaly rule: median ± k·MAD over the last runs."""

from __future__ import annotations

import random

import pytest

from airflow_ai_etl.quality.volume import assess_volume

NORMAL = [10_000, 10_250, 9_800, 10_100, 9_950, 10_400, 9_700, 10_050, 10_300, 9_900]


def test_fires_on_a_planted_10x_drop_with_the_band_in_the_message():
    verdict = assess_volume(NORMAL, 1_000)
    assert verdict.anomaly
    assert verdict.message == (
        "1000 rows is outside the expected band [9022, 11028] "
        "(median 10025 ± k·MAD, MAD 175, over the last 10 runs)"
    )


def test_fires_on_a_10x_jump_too():
    assert assess_volume(NORMAL, 100_000).anomaly


def test_quiet_on_normal_runs():
    rng = random.Random(17)
    history = [int(rng.gauss(10_000, 300)) for _ in range(30)]
    quiet = [assess_volume(history[i - 10 : i], history[i]).anomaly for i in range(10, 30)]
    assert quiet == [False] * 20
    # and the drop fires against every one of those windows
    assert all(assess_volume(history[i - 10 : i], history[i] // 10).anomaly for i in range(10, 30))


def test_a_constant_table_tolerates_small_changes():
    # MAD 0: the band is at least ±10% of the median, not one exact count.
    assert not assess_volume([500] * 8, 501).anomaly
    assert assess_volume([500] * 8, 50).anomaly


def test_too_few_runs_give_no_verdict():
    verdict = assess_volume([100, 100], 1)
    assert not verdict.anomaly and not verdict.judged and "too few" in verdict.message


def test_k_is_configurable_and_checked():
    assert assess_volume(NORMAL, 9_100, k=5).anomaly is False
    assert assess_volume(NORMAL, 9_100, k=1, min_relative_width=0).anomaly is True
    with pytest.raises(ValueError):
        assess_volume(NORMAL, 1, k=0)
