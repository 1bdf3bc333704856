"""What a sentence is about, when it is not a person named in full: the kinds ``subjects``
gives and ``People`` follows to resolve a pronoun, a surname or a descriptor."""

from __future__ import annotations

from pressroom.attribution.names import Gender, Person


class Unsure(str):
    """A sentence's subject that may be a person or a place (``Ndeye Faye a défendu``,
    ``Port Colborne has …``): a pronoun after it is not resolved past it."""


class Joined(str):
    """A person named in a plural subject (``X, président de Y, et plusieurs maires n'ont
    pas …``): no singular pronoun stands for them alone."""


class Office(str):
    """A sentence's subject written as an office (``Le maire de Pénestin poursuit …``)."""


class Surname(str):
    """A sentence's subject written as a surname alone (``Matthews told …``)."""


SentenceSubject = Person | Surname | Office | Unsure | Joined | Gender
"""What a sentence is about: a person named, one of the kinds above, or the gender of the
personal pronoun that opens it."""
