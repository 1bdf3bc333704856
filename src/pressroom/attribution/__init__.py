"""Attribution: a release's quotations and who said them.

``quotes.extract_quotes`` is the stage's entry point: ``quotemarks`` finds the quoted spans,
``verbs`` the speech verbs, ``names`` person names, ``speakers`` resolves names, pronouns
and descriptors against ``people`` (the people the text has named), and ``nearby`` handles
speakers named near a quotation without a speech verb. ``vocabulary`` is the word lists
(``pressroom.lexicon``) as the stage uses them, made from the ``Lexicons`` it is given.
"""
