"""The network observatory: growth over time and maps, computed from the data and
drawn on the server as SVG (no external tiles, scripts or services)."""

import datetime
import math
from dataclasses import dataclass, field
from functools import cache
from html import escape

from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from recs.common.languages import translated_rows

from . import outlines
from .models import City, Status, Timeline


@dataclass
class YearFigures:
    year: int
    members: int
    applicants: int


@dataclass
class Growth:
    """The network's size at the end of each year, from its first recorded change to the
    year of its last one: later years would only repeat it, as if measured."""

    figures: list
    last_change: datetime.date | None
    #: The date of the last change, when no change has been recorded in a later year.
    unchanged_since: datetime.date | None = None


def growth_by_year(today=None, timeline=None):
    """Members (promoters included) and applicants at the end of each year, from the
    entries in force; the year of the last change counts as of today if it is this year.
    One query (the network's ``Timeline``, unless given)."""
    today = today or timezone.localdate()
    timeline = timeline or Timeline(City.objects.members())
    first, last = timeline.first_change, timeline.last_change
    if first is None:
        return Growth([], None)
    days = [min(datetime.date(year, 12, 31), today) for year in range(first.year, last.year + 1)]
    counts = timeline.counts_on(days)
    figures = [
        YearFigures(
            year=day.year,
            members=sum(counts[day][status] for status in Status.network()),
            applicants=counts[day][Status.APPLICANT],
        )
        for day in days
    ]
    return Growth(figures, last, last if last.year < today.year else None)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    series: str


@dataclass
class GrowthChart:
    """Geometry of a grouped bar chart of the figures, for templates/cities/includes/growth_chart.html."""

    figures: list
    width: int = 720
    height: int = 300
    margin_left: int = 40
    margin_bottom: int = 30
    margin_top: int = 10
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    labels: list = field(default_factory=list)

    def __post_init__(self):
        plot_width = self.width - self.margin_left - 10
        self.plot_bottom = self.height - self.margin_bottom
        plot_height = self.plot_bottom - self.margin_top
        top = max([f.members + f.applicants for f in self.figures] + [1])
        step = max(1, math.ceil(top / 5))
        self.top = step * math.ceil(top / step)
        scale = plot_height / self.top
        self.ticks = [(value, self.plot_bottom - value * scale) for value in range(0, self.top + 1, step)]
        slot = plot_width / max(len(self.figures), 1)
        bar_width = min(slot * 0.38, 24)
        for index, figures in enumerate(self.figures):
            left = self.margin_left + index * slot + (slot - 2 * bar_width) / 2
            for offset, (value, series) in enumerate(
                [(figures.members, "members"), (figures.applicants, "applicants")]
            ):
                height = value * scale
                self.bars.append(
                    Bar(
                        left + offset * bar_width, self.plot_bottom - height, bar_width, height, value, series
                    )
                )
            self.labels.append((figures.year, self.margin_left + index * slot + slot / 2))


@dataclass(frozen=True)
class Bounds:
    south: float
    north: float
    west: float
    east: float


ITALY = Bounds(south=36.4, north=47.2, west=6.4, east=18.8)
EUROPE = Bounds(south=35.5, north=60.5, west=-10.5, east=26.0)


@dataclass
class MapCity:
    """What a map shows of a city: its name, address, status and place."""

    name: str
    url: str
    latitude: float | None
    longitude: float | None
    current_status: str | None = None

    @property
    def status_label(self):
        return Status(self.current_status).label if self.current_status else ""


def map_cities(role, statuses=None):
    """The cities of ``role`` in name order, for a map: plain rows, not model instances
    (a map may carry thousands); ``statuses`` is {city pk: status} (``Timeline.statuses_on``)."""
    url = City.absolute_url_maker()
    rows = translated_rows(
        City.objects.filter(role=role), plain=("pk", "latitude", "longitude"), translated=("name", "slug")
    )
    cities = [
        MapCity(name, url(slug), latitude, longitude, (statuses or {}).get(pk))
        for pk, latitude, longitude, name, slug in rows
    ]
    return sorted(cities, key=lambda city: city.name.casefold())


@dataclass
class MapPoint:
    city: MapCity
    x: float
    y: float


@dataclass
class SvgMap:
    """Points of cities on an equirectangular projection of ``bounds``, ``width`` pixels wide."""

    cities: list
    bounds: Bounds
    width: int = 480
    #: The country set apart, by ISO numeric code (Italy on the network's map).
    highlighted: str = ""
    points: list = field(default_factory=list)
    without_coordinates: list = field(default_factory=list)

    def __post_init__(self):
        b = self.bounds
        # Shrink longitudes by the cosine of the middle latitude, so shapes look right.
        self.x_scale = self.width / ((b.east - b.west) * math.cos(math.radians((b.north + b.south) / 2)))
        self.height = round((b.north - b.south) * self.x_scale)
        for city in self.cities:
            if city.latitude is None or city.longitude is None:
                self.without_coordinates.append(city)
                continue
            x, y = self.project(float(city.latitude), float(city.longitude))
            if 0 <= x <= self.width and 0 <= y <= self.height:
                self.points.append(MapPoint(city, round(x, 1), round(y, 1)))
            else:
                self.without_coordinates.append(city)

    def project(self, latitude, longitude):
        b = self.bounds
        return (
            (longitude - b.west) * self.x_scale * math.cos(math.radians((b.north + b.south) / 2)),
            (b.north - latitude) * self.x_scale,
        )

    #: The invisible circle a point is clicked or tapped by: 24 px across or more even on
    #: a phone, where the map is drawn at three quarters of its size (WCAG 2.5.8).
    HIT_RADIUS = 16

    #: A label's size on the map, in its units: height, and width per character (11 px text).
    LABEL_HEIGHT, LABEL_CHARACTER = 12, 6.2

    def labelled(self):
        """The points whose name fits beside them without covering another name or
        another point (the first come first; a point without a label still names its city
        on hover and to screen readers). Boxes are looked up through a grid, so thousands
        of points cost little, and compared exactly."""
        cell = 24
        grid = {}  # cell → [(box, index of the point it belongs to)]

        def cells(box):
            left, top, right, bottom = box
            return [
                (column, row)
                for column in range(int(left // cell), int(right // cell) + 1)
                for row in range(int(top // cell), int(bottom // cell) + 1)
            ]

        def covers(label, index):
            """Whether ``label`` overlaps a name placed already or another point's dot;
            it stops at the first one found (on a crowded map, almost at once)."""
            for key in cells(label):
                for box, owner in grid.get(key, ()):
                    if (
                        owner != index
                        and label[0] < box[2]
                        and box[0] < label[2]
                        and label[1] < box[3]
                        and box[1] < label[3]
                    ):
                        return True
            return False

        for index, point in enumerate(self.points):
            dot = (point.x - 6, point.y - 6, point.x + 6, point.y + 6)
            for key in cells(dot):
                grid.setdefault(key, []).append((dot, index))
        shown = set()
        for index, point in enumerate(self.points):
            left, top = point.x + 8, point.y - 8
            label = (left, top, left + self.LABEL_CHARACTER * len(point.city.name), top + self.LABEL_HEIGHT)
            if label[2] > self.width or covers(label, index):
                continue
            for key in cells(label):
                grid.setdefault(key, []).append((label, -1))  # a placed name: nobody's dot
            shown.add(index)
        return shown

    def points_markup(self):
        """The cities' points, each a link with its name, as SVG (built here rather than
        in a template loop: a map may carry thousands of them)."""
        labels = {status.value: escape(status.label) for status in Status}
        with_label = self.labelled()
        points = []
        for index, point in enumerate(self.points):
            city = point.city
            name = escape(city.name)
            title = f"{name} – {labels[city.current_status]}" if city.current_status else name
            text = f'<text dx="8" dy="4">{name}</text>' if index in with_label else ""
            # Placed by a translation, so that its dot, target and name need no coordinates
            # of their own: a map of thousands of cities stays a few hundred kilobytes.
            points.append(
                f'<a href="{escape(city.url)}" class="map-point" transform="translate({point.x} {point.y})">'
                f'<title>{title}</title><circle r="{self.HIT_RADIUS}" class="point-hit"/>'
                f'<circle r="6" class="point-{city.current_status or "peer"}"/>{text}</a>'
            )
        return mark_safe("\n".join(points))  # noqa: S308 (every value above is escaped or a number)

    def without_coordinates_markup(self):
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((city.url, city.name) for city in self.without_coordinates)
        )

    @property
    def outline_paths(self):
        """[(path, whether it is the highlighted country)]: the countries' outlines in this
        map's projection, simplified to what shows at its size (see ``outline_paths``)."""
        return outline_paths(self.bounds, self.width, self.highlighted)

    def legend(self):
        """[(CSS class, label)] of the kinds of point this map shows."""
        if all(point.city.current_status is None for point in self.points):
            return [("point-peer", _("European peer city"))] if self.points else []
        present = {point.city.current_status for point in self.points}
        kinds = [
            ("point-member", _("promoter or member"), {Status.PROMOTER, Status.MEMBER}),
            ("point-applicant", _("adhesion in progress"), {Status.APPLICANT}),
            ("point-withdrawn", _("withdrawn"), {Status.WITHDRAWN}),
        ]
        return [(css, label) for css, label, statuses in kinds if present & {s.value for s in statuses}]


@cache
def outline_paths(bounds, width, highlighted):
    """The outlines of the countries within ``bounds`` as SVG paths, in whole units of the
    map: a point is kept when it is two units or more from the last one kept, a run of
    points outside the map is cut to its two ends, and rings too small to see are left
    out. Europe's 18,000 points become about 5,000 (40 kB), Italy's map 12 kB. Computed
    once per map and process: the outlines are files of the site, not content."""
    projection = SvgMap([], bounds, width)
    margin = 4

    def outside(x, y):
        return x < -margin or y < -margin or x > width + margin or y > projection.height + margin

    paths = []
    for code, shape in outlines.rings_within(bounds):
        points = [projection.project(latitude, longitude) for latitude, longitude in shape]
        kept = []
        for index, (x, y) in enumerate(points):
            if outside(x, y):
                before = points[index - 1] if index else None
                after = points[index + 1] if index + 1 < len(points) else None
                if before and after and outside(*before) and outside(*after):
                    continue  # inside a run of points off the map: only its ends matter
            if kept and abs(x - kept[-1][0]) + abs(y - kept[-1][1]) < 2:
                continue
            kept.append((x, y))
        xs, ys = [x for x, _y in kept], [y for _x, y in kept]
        if len(kept) < 3 or max(xs) - min(xs) + max(ys) - min(ys) < 3:
            continue
        path = "M" + "L".join(f"{round(x)} {round(y)}" for x, y in kept) + "Z"
        paths.append((path, code == highlighted))
    return sorted(paths, key=lambda entry: entry[1])  # the highlighted country drawn last, on top


def member_map(cities):
    return SvgMap(cities, ITALY, highlighted=outlines.ITALY)


def peer_map(cities):
    return SvgMap(cities, EUROPE)
