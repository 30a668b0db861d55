import re

from django import forms
from django_countries import countries

from recs.common.widgets import LongSelect

CHOICES = [
    ("", "---------"),
    ("IT", "Italia"),
    ("FR", "Francia & <Monaco>"),
    ("Nord", [("SE", "Svezia"), ("NO", "Norvegia")]),
]


def compact(html):
    return re.sub(r">\s+<", "><", html).strip()


def test_a_long_select_writes_the_same_markup_as_django():
    for value in ["IT", "NO", "", None]:
        django = forms.Select(choices=CHOICES).render(
            "country", value, {"id": "id_country", "required": True}
        )
        ours = LongSelect(choices=CHOICES).render("country", value, {"id": "id_country", "required": True})
        assert compact(ours) == compact(django), value
    assert "Francia &amp; &lt;Monaco&gt;" in ours


def test_the_city_form_offers_every_country_with_the_city_s_selected(admin_client):
    from tests.factories import CityFactory

    city = CityFactory(name_it="Lione", name_en="Lyon", country="FR", role="peer")
    html = admin_client.get(f"/admin/cities/city/{city.pk}/change/").text
    select = html.split('<select name="country"')[1].split("</select>")[0]
    assert select.count("<option") == len(countries)
    assert '<option value="FR" selected>' in select
