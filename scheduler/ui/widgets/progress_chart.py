"""A live chart of a solve: the penalty of the best timetable and the proven bound over time.

Both only ever improve in steps, so they are drawn as steps: a value holds until the next one.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

PENALTY = QColor("#2563eb")
BOUND = QColor("#059669")


class ProgressChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 220)
        self.setAccessibleName("Penalty and bound over time")
        self.setToolTip(
            "Penalty of the best timetable so far (blue) and the lowest penalty still possible "
            "(green). When they meet, the timetable is proven the best."
        )
        chart = self._chart
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(6)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        title = QFont(self.font())
        title.setPointSizeF(title.pointSizeF() * 0.95)
        chart.setTitleFont(title)
        self.penalty = self._series("Penalty", PENALTY, Qt.PenStyle.SolidLine)
        self.bound = self._series("Best bound", BOUND, Qt.PenStyle.DashLine)
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText("Seconds")
        self.x_axis.setLabelFormat("%.0f")
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText("Penalty")
        self.y_axis.setLabelFormat("%.0f")
        for axis, side in (
            (self.x_axis, Qt.AlignmentFlag.AlignBottom),
            (self.y_axis, Qt.AlignmentFlag.AlignLeft),
        ):
            chart.addAxis(axis, side)
            for series in (self.penalty, self.bound):
                series.attachAxis(axis)
        self.reset(60.0)

    def _series(self, name: str, color: QColor, style: Qt.PenStyle) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        pen = QPen(color, 2.2, style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        series.setPen(pen)
        self._chart.addSeries(series)
        return series

    def reset(self, limit_s: float) -> None:
        self._limit = max(1.0, limit_s)
        self._last: dict[int, tuple[float, float]] = {}
        self._top = 1.0
        self._end = 0.0
        self.penalty.clear()
        self.bound.clear()
        _fit(self.x_axis, self._limit, SECONDS)
        _fit(self.y_axis, 10, NUMBERS)
        self._chart.setTitle("Waiting for the first timetable…")

    def add(self, t: float, objective: float | None, bound: float | None) -> None:
        self._chart.setTitle("")
        for series, value in ((self.penalty, objective), (self.bound, bound)):
            if value is None:
                continue
            last = self._last.get(id(series))
            if last is not None and last[1] == value:
                continue
            if last is not None:
                series.append(QPointF(t, last[1]))  # hold the old value until now
            series.append(QPointF(t, value))
            self._last[id(series)] = (t, value)
            if value > self._top:
                self._top = value
                _fit(self.y_axis, value * 1.05, NUMBERS)
        self.extend(t)

    def extend(self, t: float) -> None:
        """Carry both lines on to ``t`` (the clock runs between improvements too)."""
        if t <= self._end:
            return
        self._end = t
        if t > self._limit:
            self._limit = t * 1.1
            _fit(self.x_axis, self._limit, SECONDS)
        for series in (self.penalty, self.bound):
            last = self._last.get(id(series))
            if last is None:
                continue
            count = series.count()
            if (
                count >= 2
                and series.at(count - 2).y() == last[1]
                and series.at(count - 1).y() == last[1]
                and series.at(count - 2).x() >= last[0]
            ):
                series.replace(count - 1, QPointF(t, last[1]))
            else:
                series.append(QPointF(t, last[1]))

    def finish(self, t: float) -> None:
        """The run is over: carry the lines to its end and zoom the time axis onto it."""
        self.extend(t)
        self._limit = max(1.0, t)
        _fit(self.x_axis, self._limit * 1.02, SECONDS)

    def points(self, which: str) -> list[tuple[float, float]]:
        series = self.penalty if which == "penalty" else self.bound
        return [(p.x(), p.y()) for p in series.points()]


SECONDS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)
NUMBERS = tuple(m * 10**k for k in range(8) for m in (1, 2, 5))


def _fit(axis: QValueAxis, top: float, steps: tuple[int, ...], most: int = 6) -> None:
    """Range 0..top rounded up to a tick, with at most ``most`` round intervals."""
    step = next((s for s in steps if top / s <= most), steps[-1])
    end = max(step, step * -(-top // step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, end)
