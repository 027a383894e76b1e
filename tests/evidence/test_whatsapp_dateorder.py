"""Deciding the order of text dates from the whole file (``reciprocity.evidence.dateorder``)."""

from __future__ import annotations

from datetime import date

import pytest

from reciprocity.evidence.dateorder import DateOrder, check_order, infer, to_date


def fields(*dates: str) -> list[tuple[str, str, str]]:
    out = []
    for text in dates:
        first, second, third = text.replace(".", "/").replace("-", "/").split("/")
        out.append((first, second, third))
    return out


def test_check_order() -> None:
    assert check_order(" dmy ") == "DMY"
    assert check_order("ydm") == "YDM"
    with pytest.raises(ValueError, match="'DDM' is not one of DMY, MDY, YMD, YDM, DYM, MYD"):
        check_order("DDM")


@pytest.mark.parametrize(
    ("written", "order", "expected"),
    [
        ("13/02/20", "DMY", date(2020, 2, 13)),
        ("13/02/20", "MDY", None),  # no 13th month
        ("02/13/2020", "MDY", date(2020, 2, 13)),
        ("31/04/2020", "DMY", None),  # 31 April
        ("29/02/2021", "DMY", None),
        ("20/01/19", "YMD", date(2020, 1, 19)),
        ("2020/01/19", "DMY", date(2020, 1, 19)),  # a leading four-digit year is always Y-M-D
        ("1/2/3", "DMY", None),  # one-digit years are not written
        ("01/02/202", "DMY", None),
        ("001/02/2020", "DMY", None),
    ],
)
def test_to_date(written: str, order: str, expected: date | None) -> None:
    assert to_date(fields(written)[0], order) == expected


def test_a_day_above_12_decides() -> None:
    assert infer(fields("01/02/2020", "13/02/2020")) == DateOrder("DMY", inferred=False)
    assert infer(fields("02/01/2020", "02/13/2020")) == DateOrder("MDY", inferred=False)


def test_two_digit_years_leave_year_first_possible() -> None:
    # 01/02/20 and 13/02/20 are 2001-02-20 and 2013-02-20 read year first.
    assert infer(fields("01/02/20", "13/02/20")) == DateOrder("DMY", inferred=True, assumed=True)


def test_never_from_the_first_line_only() -> None:
    # Every early line reads either way; only a late one rules MDY out.
    dates = fields(*[f"{day:02d}/01/20" for day in range(1, 13)], "25/01/20")
    assert infer(dates).order == "DMY"


def test_time_order_decides_when_both_are_possible() -> None:
    # No field is above 12, so only the order of time tells which is the day.
    assert infer(fields("05/01/20", "10/01/20", "03/02/20", "08/02/20")) == DateOrder(
        "DMY", inferred=True
    )
    dates = fields("01/05/2020", "01/10/2020", "02/03/2020", "02/08/2020")
    assert infer(dates) == DateOrder("MDY", inferred=True)


def test_nearly_in_order_is_enough() -> None:
    # One step back (a phone's clock set wrong) does not outweigh many under the wrong order.
    dates = fields(
        "01/02/20", "05/02/20", "09/02/20", "02/02/20", "11/02/20", "03/03/20", "07/03/20"
    )
    decided = infer(dates)
    assert decided.order == "DMY"
    assert not decided.assumed


def test_the_fastest_changing_field_is_the_day() -> None:
    assert infer(fields("1/2/20", "1/3/20", "1/4/20")) == DateOrder(
        "MDY", inferred=True, assumed=True
    )
    assert infer(fields("2/1/20", "3/1/20", "4/1/20")) == DateOrder(
        "DMY", inferred=True, assumed=True
    )


def test_one_date_only_falls_back_to_day_first() -> None:
    assert infer(fields("05/06/20")) == DateOrder("DMY", inferred=True, assumed=True)


def test_year_first_dates_are_not_inferred() -> None:
    assert infer(fields("2022/12/14", "2022/12/24", "2022/12/21")) == DateOrder(
        "YMD", inferred=False
    )


def test_year_first_lines_do_not_vote() -> None:
    assert infer(fields("12/24/19", "2022/12/24", "1/17/20")).order == "MDY"


def test_the_order_that_fails_least_wins() -> None:
    # One damaged date should not cost the whole file its order.
    assert infer(fields("13/01/20", "14/01/20", "15/13/20", "16/01/20")).order == "DMY"


def test_no_dates() -> None:
    assert infer([]) == DateOrder("DMY", inferred=True, assumed=True)


def test_repeats_do_not_change_the_result() -> None:
    once = fields("1/2/20", "1/3/20", "1/4/20")
    many = [entry for entry in once for _ in range(5)]
    assert infer(many) == infer(once)


@pytest.mark.parametrize(
    ("written", "order"),
    [
        (["20-23-01", "20-24-01", "20-31-01", "20-01-02", "20-14-02"], "YDM"),
        (["2020.23.01", "2020.24.01", "2020.01.02", "2020.14.02"], "YDM"),
        (["23-20-01", "24-20-01", "31-20-01", "01-20-02", "14-20-02"], "DYM"),
        (["01-32-05", "01-32-06", "01-32-17", "02-32-03"], "MYD"),
        (["23.01.20", "24.01.20", "01.02.20", "14.02.20"], "DMY"),
        (["01/23/20", "01/24/20", "02/01/20", "02/14/20"], "MDY"),
        (["20-01-23", "20-01-24", "20-02-01", "20-02-14"], "YMD"),
    ],
)
def test_all_six_orders_are_told_from_the_whole_file(written: list[str], order: str) -> None:
    decided = infer(fields(*written))
    assert decided.order == order
    assert not decided.assumed
    assert all(to_date(f, order) is not None for f in fields(*written))


def test_a_rare_order_is_chosen_only_on_evidence() -> None:
    # Every date reads as day/month/year too: the common order stands.
    assert infer(fields("05/01/20", "06/01/20", "07/01/20")).order == "DMY"
