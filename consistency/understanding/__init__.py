"""Article understanding: what an article says, read once from the parse, for every rule.

`consistency.understanding.ledger` builds the claims ledger (`ctx.claims`): subjects
(people, organisations, groups, places, the article itself) and claims about them
(name forms, roles, ages, birth dates, kin, affiliations, nationalities, bases, ...),
each with its qualifiers and the exact span it was read from. Rules compare claims;
they do not re-read the text. `lexicon` holds the word lists, taken from packaged
lexicons where one exists.
"""
