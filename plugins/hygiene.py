"""Rule family `hygiene` (HY01): web-page furniture left inside an article's body.

Codes: HY01 `hygiene.web-residue`.
Data: a list of page-furniture phrases below (comment prompts, share and subscribe
buttons, cookie notices, advertisement labels, "Read more:" links). No external data.

A phrase counts only as a whole short line or paragraph of its own, never inside
running prose: "readers were asked to leave a comment" is news, "Leave a Comment"
on a line of its own is a scraped button.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from consistency import Options, Rule, Severity, hookimpl

if TYPE_CHECKING:
    from consistency import ArticleAnalysis, Finding

# (kind, pattern matched against the whole line, case-insensitive). Each pattern must
# consume the entire line, so a sentence that merely contains the words never matches.
_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|instagram|pinterest|reddit|email|e-mail)"
_FURNITURE: tuple[tuple[str, str], ...] = (
    ("comment prompt", (r"(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply)s?|"
                       r"(?:view|show|hide|read|load) (?:all |more )?comments?(?: \(\d+\))?|"
                       r"\d+ comments?|comments? \(\d+\)|comments|join the (?:conversation|discussion)|"
                       r"be the first to comment|comments are closed|you must be logged in to post a comment")),
    ("share button", (rf"(?:share|tweet|email|e-mail|print|save) (?:this|the) (?:article|story|page|post|video)(?: on {_SOCIAL})?|"
                     rf"share(?: (?:on|via|to) {_SOCIAL})?|share this|(?:share|follow us) on {_SOCIAL}(?:(?:,| and| or) {_SOCIAL})*|"
                     rf"(?:like|follow) us on {_SOCIAL}(?:(?:,| and| or) {_SOCIAL})*|"
                     r"(?:click|tap) (?:here|the link) to (?:share|print|email)[\w ]*")),
    ("subscription prompt", (r"(?:click|tap) here(?: to (?:subscribe|sign up|register|read more|continue)[\w ]*)?|"
                            r"sign up (?:for|to) (?:our|the|my) [\w -]*newsletters?(?: (?:here|now|today))?|"
                            r"(?:subscribe|sign up|register)(?: (?:now|today|here))?(?: for (?:free|full access|unlimited access))?|"
                            r"subscribe to (?:our|the) [\w -]*(?:newsletter|channel|podcast|feed)s?|"
                            r"get (?:our|the) [\w -]*newsletter|newsletter sign[- ]?up|"
                            r"already a subscriber\?(?: (?:log|sign) in)?|(?:log|sign) in to (?:comment|continue reading)")),
    ("cookie notice", (r"(?:we|this (?:web)?site) uses? cookies\b.{0,300}|"
                      r"(?:accept|allow|manage) (?:all )?cookies|cookie (?:policy|settings|preferences)")),
    ("advertisement label", (r"advertisement|advertising|sponsored(?: content| post)?|ad|"
                            r"(?:story|article) continues below(?: (?:this )?advertisement)?|"
                            r"scroll to continue(?: with content)?|continue reading(?: below)?|"
                            r"skip (?:to (?:main )?content|advert(?:isement)?)|back to top")),
    ("related-link prompt", (r"read more(?::.{0,120}| here| at .{0,60})?|read next:?.{0,120}|"
                            r"(?:related|see also|more on this story|more from [\w .]{1,40}|recommended(?: for you)?|"
                            r"you (?:may|might) also like|most (?:read|popular)|trending now|top stories)(?::.{0,120})?")),
)
_PATTERN = re.compile(
    r"^[\s>*•·|\-–—]*(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_FURNITURE)) + r")[\s.!:»›>→|\-–—]*$",
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")


class WebResidue(Rule):
    """Web-page furniture such as "Leave a Comment" is left in the article's text.

    What it flags:
        A line or paragraph of its own that is page furniture rather than news: comment prompts
        ("Leave a Comment", "12 comments"), share and follow buttons ("Share this article"),
        subscription prompts ("Click here to subscribe", "Sign up for our newsletter"), cookie
        notices, advertisement labels ("Advertisement", "Story continues below"), and
        related-link prompts ("Read more: ...", "See also:").

    Why it matters:
        Scraped or machine-assembled articles carry the furniture of the page they came from;
        published again, it tells readers the text was copied and not edited. It is a matter of
        hygiene, not of fact, so it is reported as info.

    Example:
        Council approves new budget
        The council approved the budget on Tuesday after a long debate.

        Leave a Comment

    Not flagged:
        Council approves new budget
        The council approved the budget on Tuesday. Residents who wish to leave a comment on
        the plans can do so at the town hall until Friday.

    Options:
        max_words: longest line, in words, that can be furniture (default 25; cookie notices are
            matched by their opening words whatever their length).

    Sources:
        Common web page furniture, collected from news sites' templates.
    """

    code = "HY01"
    name = "hygiene.web-residue"
    default_severity = Severity.info
    requires = ()

    class Options(Options):
        max_words: int = 25

    options: Options  # the validated options, typed for mypy

    def check(self, ctx: ArticleAnalysis) -> Iterator[Finding]:
        body = ctx.article.body
        for match in _LINE.finditer(body):
            line = match.group()
            if not line.strip():
                continue
            found = _PATTERN.match(line)
            if found is None:
                continue
            kind = next(_FURNITURE[int(name[1:])][0] for name, value in found.groupdict().items() if value)
            if kind != "cookie notice" and len(line.split()) > self.options.max_words:
                continue
            start = match.start() + (len(line) - len(line.lstrip()))
            end = match.start() + len(line.rstrip())
            text = body[start:end]
            yield self.finding(
                f"'{text}' is web-page furniture ({kind}), not part of the article.",
                [ctx.span_at("body", start, end)],
                confidence=0.9,
                suggestion="delete the line",
                data={"kind": kind},
            )


@hookimpl
def consistency_rules() -> list[type[Rule]]:
    """This family's rules."""
    return [WebResidue]
