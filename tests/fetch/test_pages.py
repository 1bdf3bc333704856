"""A page's release and metadata: furniture left out, relative image made absolute, the
title and date lines kept out of the body."""

from __future__ import annotations

from pressroom.fetch.pages import extract_page
from support import FIXTURES, PARIS


def test_an_english_page_with_a_relative_image() -> None:
    html = (FIXTURES / "fetch" / "harbour-ferry.html").read_bytes()
    page = extract_page(html, "https://www.eastmere.example/news/electric-ferry", PARIS)
    assert page.title == "New electric ferry to link Marlow Quay and Fenby Point"
    assert page.image == "https://www.eastmere.example/images/news/electric-ferry.jpg"
    assert page.image_alt == "The electric ferry moored at Marlow Quay"
    assert page.lang == "en"
    assert page.date is not None and page.date.isoformat() == "2026-02-05T10:00:00+01:00"
    assert page.body.startswith("**Eastmere Council will launch")  # no title, no date line
    assert "\n\n“This ferry gives people back the harbour" in page.body
    for furniture in ("cookies", "Share this page", "Related news", "Council tax", "Privacy"):
        assert furniture not in page.body


def test_a_french_page_keeps_its_quotation_marks_and_list() -> None:
    html = (FIXTURES / "fetch" / "velo-vallee.html").read_bytes()
    page = extract_page(html, "https://www.val-de-brume.example/presse/voie-verte", PARIS)
    assert page.lang == "fr"
    assert page.body.startswith("La Région consacre 6,5 millions")
    assert "\n\n« Cette voie verte, c’est la promesse" in page.body
    assert "\n\n## Un chantier en trois tranches\n\n- d’avril à septembre 2026" in page.body


def _windows_1252_page(meta: str) -> bytes:
    return (
        f"<html lang='fr'><head>{meta}<title>Réunion à Brême</title></head><body><article>"
        "<h1>Réunion à Brême</h1><p>La Région a réuni les élus à Brême pour préparer l’été : "
        "« Nous sommes prêts », a déclaré Zoé Lemaître, présidente.</p>"
        "<p>Un deuxième paragraphe, assez long pour que l’extracteur le retienne.</p>"
        "</article></body></html>"
    ).encode("windows-1252")


def test_the_charset_comes_from_http_then_meta_then_utf8_or_windows_1252() -> None:
    url = "https://www.example.org/presse/reunion"
    for content, charset in (
        (_windows_1252_page(""), "windows-1252"),
        (_windows_1252_page("<meta charset='windows-1252'>"), None),
        (_windows_1252_page(""), None),
        (_windows_1252_page("").decode("windows-1252").encode(), "utf-8"),
    ):
        page = extract_page(content, url, PARIS, charset=charset)
        assert page.title == "Réunion à Brême"
        assert "« Nous sommes prêts », a déclaré Zoé Lemaître" in page.body
