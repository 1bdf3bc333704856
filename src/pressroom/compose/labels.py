"""The fixed words of the digest, the posts and the web archive, in French and English."""

from __future__ import annotations

from pressroom.model import Lang

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "lead": "À la une",
        "also": "Également cette semaine",
        "read": "Lire le communiqué",
        "read_more": "Lire la suite",
        "unsubscribe": "Se désabonner",
        "web_version": "Voir la version en ligne",
        "why": (
            "Vous recevez cette lettre parce que vous êtes inscrit à la liste presse de "
            "{organisation}."
        ),
        "releases": "{count} communiqué cette semaine|{count} communiqués cette semaine",
        "link_in_bio": "Lien en bio",
        "credit": "Crédit",
        "archive": "Archives",
        "archive_intro": "Toutes les lettres envoyées, de la plus récente à la plus ancienne.",
        "archive_feed": "Suivre la lettre avec un lecteur de flux (Atom)",
        "sent_on": "Envoyée le {date}",
        "speaker_to_check": "auteur à vérifier\u00a0: {quotation} — {check}",
        "without_speaker": (
            "citation sans auteur\u00a0: «\u00a0{quotation}\u00a0» — "
            "le texte ne nomme personne qui la dise"
        ),
        "headline_without_speaker": "citation à la une sans auteur sûr\u00a0: {quotation}",
        "set_speaker": "indiquez qui parle dans la liste speakers: du fichier",
    },
    "en": {
        "lead": "Top story",
        "also": "Also this week",
        "read": "Read the release",
        "read_more": "Read more",
        "unsubscribe": "Unsubscribe",
        "web_version": "View in your browser",
        "why": (
            "You receive this letter because you subscribed to the press list of {organisation}."
        ),
        "releases": "{count} release this week|{count} releases this week",
        "link_in_bio": "Link in bio",
        "credit": "Credit",
        "archive": "Archive",
        "archive_intro": "Every issue sent, newest first.",
        "archive_feed": "Follow the newsletter in a feed reader (Atom)",
        "sent_on": "Sent on {date}",
        "speaker_to_check": "speaker to check: {quotation} — {check}",
        "without_speaker": (
            "quotation without speaker: “{quotation}” — the text names no one saying it"
        ),
        "headline_without_speaker": "headline quote without a sure speaker: {quotation}",
        "set_speaker": "name the speaker in the file's speakers: list",
    },
}


def lang_of(locale: str) -> Lang:
    """The language a locale writes in: ``en_GB`` -> ``en``; anything else is French."""
    return "en" if locale.startswith("en") else "fr"


def labels(locale: str) -> dict[str, str]:
    return LABELS[lang_of(locale)]


def plural(label: str, count: int) -> str:
    one, many = label.split("|")
    return (one if count == 1 else many).format(count=count)
