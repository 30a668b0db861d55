"""The network observatory: growth over time and maps, computed from the data and
drawn on the server as SVG (no external tiles, scripts or services)."""

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html import escape

from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries as all_countries

from recs.common.collation import folded
from recs.common.languages import translated_rows

from . import outlines
from .models import City, NetworkYear, Region, Status


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


def growth_by_year(today=None):
    """Members (promoters included) and applicants at the end of each year, the current
    year as of today, as stored (``NetworkYear``): one query of a row a year."""
    today = today or timezone.localdate()
    years = list(NetworkYear.objects.all())
    if not years:
        return Growth([], None)
    last = max(year.last_change for year in years if year.last_change)
    figures = [YearFigures(year.year, year.members, year.applicants) for year in years]
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

    def markup(self):
        """The grid, the bars and the years as SVG (written here rather than in a template
        loop with a number filter at each coordinate: a tenth of the time)."""
        grid = [
            f'<line x1="{self.margin_left}" x2="{self.width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d7de" stroke-width="1"/>'
            f'<text x="{self.margin_left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="12" fill="#333">{value}</text>'
            for value, y in self.ticks
        ]
        bars = [
            f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" height="{bar.height:.1f}" '
            f'class="bar-{bar.series}"><title>{bar.value}</title></rect>'
            for bar in self.bars
        ]
        years = [
            f'<text x="{x:.1f}" y="{self.height - 10}" text-anchor="middle" font-size="12" fill="#333">{year}</text>'
            for year, x in self.labels
        ]
        return mark_safe("\n".join(grid + bars + years))  # noqa: S308 (numbers only)

    def description(self):
        """What the chart shows, for screen readers: each year's figures."""
        figures = _("%(members)s members, %(applicants)s in adhesion")
        return " ".join(
            f"{f.year}: {figures % {'members': f.members, 'applicants': f.applicants}}." for f in self.figures
        )


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


def map_cities(cities):
    """``cities`` in name order, for a map: plain rows, not model instances; a network
    city with the status it has today (``City.status_in_force``)."""
    url = City.absolute_url_maker()
    rows = translated_rows(
        cities, plain=("latitude", "longitude", "status_in_force"), translated=("name", "slug")
    )
    cities = [
        MapCity(name, url(slug), latitude, longitude, status or None)
        for latitude, longitude, status, name, slug in rows
    ]
    return sorted(cities, key=lambda city: folded(city.name))


#: Above this many cities a map draws one circle a region (network cities) or a country
#: (peer cities), sized by how many it holds and linked to their list: thousands of dots
#: would hide each other and give a keyboard thousands of stops.
MOST_POINTS = 150


@dataclass
class MapGroup:
    """The cities of a region or a country, drawn as one circle where they are on average."""

    name: str
    url: str
    latitude: float | None
    longitude: float | None
    cities: int
    #: {Status value: number of cities}, for the network's cities.
    statuses: dict = field(default_factory=dict)
    current_status = None

    def title(self):
        text = ngettext("%(name)s: %(count)s city", "%(name)s: %(count)s cities", self.cities) % {
            "name": self.name,
            "count": self.cities,
        }
        parts = [f"{label} {number}" for _css, label, number in legend_counts(self.statuses) if number]
        return f"{text} ({', '.join(parts)})" if parts else text


def places(cities, by, name_of, address, counted=()):
    """What a map shows of ``cities``: each of them, or (past ``MOST_POINTS``) a group for
    each value of the field ``by``, named by ``name_of(value)``, linked to the list at
    ``address`` filtered by it, with the number of its cities of each ``counted`` status.
    One query, two when the cities are drawn one by one."""
    numbers = {status: Count("pk", filter=Q(status_in_force=status)) for status in counted}
    rows = (
        cities.order_by()
        .values_list(by)
        .annotate(cities=Count("pk"), latitude=Avg("latitude"), longitude=Avg("longitude"), **numbers)
    )
    if sum(row[1] for row in rows) <= MOST_POINTS:
        return map_cities(cities)
    groups = [
        MapGroup(
            name_of(value),
            f"{address}?{by}={value}",
            latitude,
            longitude,
            total,
            dict(zip(counted, by_status, strict=True)),
        )
        for value, total, latitude, longitude, *by_status in rows
    ]
    return sorted(groups, key=lambda group: folded(group.name))


def network_places():
    """The network's map: the cities with a status today, or each region's."""
    regions = dict(Region.choices)
    return places(
        City.objects.members().exclude(status_in_force=""),
        "region",
        lambda region: str(regions.get(region, "—")),
        reverse("cities:city-list"),
        counted=Status.values,
    )


def peer_places():
    """The peer cities' map: each of them, or each country's."""
    return places(City.objects.peers(), "country", all_countries.name, reverse("cities:peer-list"))


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
        """The cities' points (or the groups' circles), each a link with its name, as SVG
        (built here rather than in a template loop: a map may carry hundreds of them)."""
        if self.grouped:
            return self.groups_markup()
        labels = {status.value: escape(status.label) for status in Status}
        with_label = self.labelled()
        points = []
        for index, point in enumerate(self.points):
            city = point.city
            name = escape(city.name)
            title = f"{name} – {labels[city.current_status]}" if city.current_status else name
            text = f'<text dx="8" dy="4">{name}</text>' if index in with_label else ""
            # Placed by a translation, so that its dot, target and name need no coordinates
            # of their own.
            points.append(
                f'<a href="{escape(city.url)}" class="map-point" transform="translate({point.x} {point.y})">'
                f'<title>{title}</title><circle r="{self.HIT_RADIUS}" class="point-hit"/>'
                f'<circle r="6" class="point-{city.current_status or "peer"}"/>{text}</a>'
            )
        return mark_safe("\n".join(points))  # noqa: S308 (every value above is escaped or a number)

    #: A group's circle: its radius grows with the square root of its cities, from the
    #: smallest group's to the largest's.
    GROUP_RADIUS = (9, 24)

    def groups_markup(self):
        largest = max((point.city.cities for point in self.points), default=1)
        smallest, biggest = self.GROUP_RADIUS
        circles = []
        # The largest first, so that a small group near a large one stays on top, visible.
        for point in sorted(self.points, key=lambda point: -point.city.cities):
            group = point.city
            radius = round(smallest + (biggest - smallest) * math.sqrt(group.cities / largest), 1)
            circles.append(
                f'<a href="{escape(group.url)}" class="map-point map-group" '
                f'transform="translate({point.x} {point.y})"><title>{escape(group.title())}</title>'
                f'<circle r="{max(radius, self.HIT_RADIUS)}" class="point-hit"/>'
                f'<circle r="{radius}" class="point-group"/><text dy="4">{group.cities}</text></a>'
            )
        return mark_safe("\n".join(circles))  # noqa: S308 (every value above is escaped or a number)

    @property
    def grouped(self):
        """Whether the map draws groups of cities (``MOST_POINTS``) rather than cities."""
        return any(isinstance(place, MapGroup) for place in self.cities)

    def without_coordinates_markup(self):
        if self.grouped:
            return format_html_join(
                ", ",
                '<a href="{}">{}</a> ({})',
                ((g.url, g.name, g.cities) for g in self.without_coordinates),
            )
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((city.url, city.name) for city in self.without_coordinates)
        )

    def outlines_markup(self):
        """The countries' outlines in this map's projection, simplified to what shows at
        its size (``outline_paths``), as SVG."""
        return outlines_markup(self.bounds, self.width, self.highlighted)

    def legend(self):
        """[(CSS class, label)] of the kinds of point this map shows."""
        if self.grouped:
            if any(point.city.statuses for point in self.points):
                return [("point-group", _("a region of the network, with the number of its cities"))]
            return [("point-group", _("a country, with the number of its peer cities"))]
        if all(point.city.current_status is None for point in self.points):
            return [("point-peer", _("European peer city"))] if self.points else []
        present = Counter(point.city.current_status for point in self.points)
        return [(css, label) for css, label, number in legend_counts(present) if number]


def legend_counts(statuses):
    """[(CSS class, label, number)] of the kinds of network city, from {status value: number}."""
    kinds = [
        ("point-member", _("promoter or member"), {Status.PROMOTER, Status.MEMBER}),
        ("point-applicant", _("adhesion in progress"), {Status.APPLICANT}),
        ("point-withdrawn", _("withdrawn"), {Status.WITHDRAWN}),
    ]
    return [(css, label, sum(statuses.get(s.value, 0) for s in kind)) for css, label, kind in kinds]


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


@cache
def outlines_markup(bounds, width, highlighted):
    """``outline_paths`` as two SVG paths, the other countries and the highlighted one on
    top: made once per map and process, not at each request."""
    paths = outline_paths(bounds, width, highlighted)
    drawn = [
        ("map-country", " ".join(path for path, on_top in paths if not on_top)),
        ("map-country-highlighted", " ".join(path for path, on_top in paths if on_top)),
    ]
    return format_html_join("", '<path d="{}" class="{}"/>', ((d, css) for css, d in drawn if d))


def member_map(cities):
    return SvgMap(cities, ITALY, highlighted=outlines.ITALY)


def peer_map(cities):
    return SvgMap(cities, EUROPE)
