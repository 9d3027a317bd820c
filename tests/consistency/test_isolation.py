"""Plugin rules are contained: nothing one does reaches the other rules, the report or the run."""

from __future__ import annotations

import json
import os
import signal
from importlib.metadata import EntryPoint

import pytest

from consistency import Article, Checker, Finding, Rule, Span, hookimpl
from consistency.errors import PluginError
from consistency.isolation import ReadOnlyList, collect
from consistency.plugin_manager import get_plugin_manager
from tests.conftest import ThrowawayPlugin, WordRule

ARTICLE = Article.from_text("Fruit news\n\nA banana fell. Then a second banana fell.", metadata={"desk": ["food"]})


def make_rule(code, body, name=None):
    """A throwaway rule class whose check() is `body`."""
    return type(f"Rule{code}", (Rule,), {"__doc__": "A throwaway rule.", "code": code,
                                         "name": name or f"testing.r{code.lower()}", "check": body})


def check(*rules, **options):
    return Checker(plugins=[ThrowawayPlugin(WordRule, *rules)], select=["ZZ"], **options).check(ARTICLE)


def raises(exc):
    def body(self, ctx):
        raise exc
        yield  # pragma: no cover
    return body


@pytest.mark.parametrize("exc", [SystemExit(3), KeyboardInterrupt(), GeneratorExit(), MemoryError("big")])
def test_isolation_base_exceptions_from_a_rule_are_contained(clean_plugins, exc):
    report = check(make_rule("ZZ40", raises(exc)))
    assert len(report.findings) == 2  # ZZ01 still ran
    assert [(e.rule, e.exception) for e in report.errors] == [("ZZ40", type(exc).__name__)]


def test_isolation_a_real_sigint_still_stops_the_run(clean_plugins):
    def body(self, ctx):
        os.kill(os.getpid(), signal.SIGINT)
        yield from ()

    checker = Checker(plugins=[ThrowawayPlugin(make_rule("ZZ41", body))], select=["ZZ41"])
    with pytest.raises(KeyboardInterrupt):
        checker.check(ARTICLE)


def test_isolation_bad_findings_dropped_valid_ones_kept(clean_plugins):
    def body(self, ctx):
        yield self.finding("good one", [ctx.span_at("body", 2, 8)])
        yield "not a finding"
        yield self.finding("unserialisable", [ctx.span_at("body", 2, 8)], data={"x": object()})
        yield Finding.model_construct(rule="ZZ42", message=None, spans=[], evidence=[], data={}, confidence=7.0)
        yield self.finding("bad span", [Span(start=0, end=999)])
        yield self.finding("good two", [ctx.span_at("body", 2, 8)], data={"n": float("nan"), "s": "x\ud800"})

    report = check(make_rule("ZZ42", body))
    mine = [f for f in report.findings if f.rule == "ZZ42"]
    assert [f.message for f in mine] == ["good one", "good two"]
    assert mine[1].data["s"] == "x\ufffd"
    [error] = [e for e in report.errors if e.rule == "ZZ42"]
    assert "4 invalid findings" in error.message and "2 valid ones kept" in error.message
    json.loads(report.to_json())


def test_isolation_findings_yielded_before_a_crash_are_kept(clean_plugins):
    def body(self, ctx):
        yield self.finding("before", [ctx.span_at("body", 2, 8)])
        raise RuntimeError("then it broke")

    report = check(make_rule("ZZ43", body))
    assert "before" in [f.message for f in report.findings]
    assert [e.exception for e in report.errors if e.rule == "ZZ43"] == ["RuntimeError"]


def test_isolation_a_rule_cannot_speak_for_another_rule(clean_plugins):
    def body(self, ctx):
        yield Finding(rule="ZZ01", message="impersonated", spans=[ctx.span_at("body", 2, 8)])
        yield Finding(rule="ZZ77", message="a code of its own", spans=[ctx.span_at("body", 2, 8)])

    report = check(make_rule("ZZ44", body))
    assert "impersonated" not in [f.message for f in report.findings]
    assert "a code of its own" in [f.message for f in report.findings]
    assert any("belongs to rule ZZ01" in e.message for e in report.errors)


def test_isolation_article_is_read_only_to_rules(clean_plugins):
    attempts = []

    def body(self, ctx):
        for attack in (lambda: setattr(ctx.article, "title", "HACKED"), lambda: ctx.article.metadata.update(x=1),
                       lambda: ctx.article.metadata["desk"].append("x"), lambda: ctx.article.authors.append("x"),
                       lambda: setattr(ctx, "article", None), lambda: ctx.entities.append(None),
                       lambda: ctx.sentences.clear(), lambda: delattr(ctx, "body_doc")):
            try:
                attack()
                attempts.append("succeeded")
            except (TypeError, AttributeError, ValueError):
                attempts.append("refused")
        yield from ()

    report = check(make_rule("ZZ45", body), make_rule("ZZ46", lambda self, ctx: iter([])))
    assert attempts == ["refused"] * 8
    assert report.article.title == "Fruit news" and report.article.metadata == {"desk": ["food"]}
    assert len(report.findings) == 2 and not report.errors


def test_isolation_changed_entities_are_put_back(clean_plugins):
    seen = []

    def spoil(self, ctx):
        ctx.body_doc.ents = []
        yield from ()

    def read(self, ctx):
        seen.append(len(ctx.body_doc.ents))
        yield from ()

    class Ents:
        __name__ = "ents"

        @hookimpl
        def consistency_rules(self):
            return [make_rule("ZZ47", spoil), make_rule("ZZ48", read)]

    checker = Checker(plugins=[Ents()], select=["ZZ47", "ZZ48"])
    before = len(checker.analyze(Article.from_text("Talks\n\nSergei Lavrov met Boris Johnson in Paris.")).body_doc.ents)
    report = checker.check(Article.from_text("Talks\n\nSergei Lavrov met Boris Johnson in Paris."))
    assert seen == [before] and "entities" in report.errors[0].message


def test_isolation_what_rules_print_goes_to_stderr(clean_plugins, capsys):
    def body(self, ctx):
        print("noise from a plugin")
        yield from ()

    check(make_rule("ZZ49", body))
    out, err = capsys.readouterr()
    assert "noise" not in out and "noise" in err


def test_isolation_too_many_findings_are_cut(clean_plugins):
    def body(self, ctx):
        while True:
            yield self.finding("again", [ctx.span_at("body", 2, 8)])

    items, errors = collect(make_rule("ZZ50", body)(), Checker(select=["HY"]).analyze(ARTICLE))
    assert len(items) == 1000 and "more than 1000" in errors[0].message


def test_isolation_read_only_list_reads_like_a_list():
    items = ReadOnlyList([3, 1, 2])
    assert items + [4] == [3, 1, 2, 4] and sorted(items) == [1, 2, 3] and items[0] == 3
    with pytest.raises(TypeError):
        items.sort()


def test_isolation_builtin_codes_are_reserved(clean_plugins):
    impostor = make_rule("GE01", lambda self, ctx: iter([]), name="impostor.geography")
    plugin = ThrowawayPlugin(impostor)
    plugin.__name__ = "aaa-first-by-name"
    pm = get_plugin_manager((plugin,))
    assert pm.rules()["GE01"][1] == "consistency_rules_geography"
    assert "reserved for the built-in rules" in pm.records["aaa-first-by-name"].error


def _with_broken_entry_point(monkeypatch):
    import consistency.plugin_manager as manager

    real = manager.entry_points
    broken = EntryPoint(name="broken_plugin", value="no_such_module_for_consistency", group="consistency")
    monkeypatch.setattr(manager, "entry_points", lambda group: [*real(group=group), broken])


def test_isolation_failed_plugin_import_stops_the_checker(clean_plugins, monkeypatch):
    _with_broken_entry_point(monkeypatch)
    with pytest.raises(PluginError, match="broken_plugin"):
        Checker(select=["HY"])
    assert Checker(select=["HY"], plugin_errors="warn").rules


def test_isolation_failed_plugin_import_exits_2_on_the_command_line(clean_plugins, monkeypatch, capsys, tmp_path):
    from consistency.cli import main

    _with_broken_entry_point(monkeypatch)
    path = tmp_path / "a.txt"
    path.write_text("Title\nBody text.", encoding="utf-8")
    assert main(["check", str(path), "--select", "HY"]) == 2
    assert "broken_plugin" in capsys.readouterr().err
    config = tmp_path / "consistency.toml"
    config.write_text('plugin_errors = "warn"\n', encoding="utf-8")
    assert main(["check", str(path), "--select", "HY", "--config", str(config)]) == 0


def test_isolation_plugin_that_exits_on_import_is_recorded(clean_plugins):
    class Exits:
        __name__ = "exits"

        @hookimpl
        def consistency_rules(self):
            raise SystemExit(1)

    pm = get_plugin_manager((Exits(), ThrowawayPlugin(WordRule)))
    assert "ZZ01" in pm.rules() and "SystemExit" in pm.records["exits"].error


def test_isolation_retokenized_parse_stops_the_later_rules(clean_plugins):
    def merge(self, ctx):
        with ctx.body_doc.retokenize() as retokenizer:
            retokenizer.merge(ctx.body_doc[0:2])
        yield from ()

    report = check(make_rule("ZZ00", merge))  # ZZ00 runs before ZZ01
    assert report.findings == [] and "tokens" in report.errors[0].message and "ZZ01" in report.errors[0].message


def test_isolation_guard_points_check_each_plugin_rule_and_each_run_of_built_in_rules():
    from consistency.checker import guard_points

    assert guard_points([True, True, False, True, False, False, True, True]) == \
        [False, True, True, True, True, True, False, True]
    assert guard_points([]) == [] and guard_points([True]) == [True] and guard_points([False]) == [True]


@pytest.mark.parametrize("text", [
    "Minister visits Kazan\n\nMOSCOW, May 3 (Reuters) - Foreign Minister Sergei Lavrov flew to the Belarusian "
    "city of Kazan on Tuesday, May 3, 2022. \"We will talk,\" Lavrov said. Vladimir Lavrov, 62, later said the "
    "talks were over. The death toll rose from 12 to 15.",
    "Rovers win final 5-2\n\nCARDIFF, 4 March 2023 - Rovers beat City 5-2 in the cup final. Jones scored twice "
    "and Smith once. Her brother, Tom Jones, coached the side. The club's 1,200 members voted, 52 percent for.",
])
def test_isolation_built_in_rules_leave_the_shared_parse_as_they_found_it(text):
    """Why the built-in rules are checked as a group: none of them changes the parse."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA, ORTH, POS, TAG

    from consistency.analysis import ArticleAnalysis

    checker = Checker()
    article = Article.from_text(text)
    title_doc, body_doc = checker.nlp.pipe([article.title, article.body])
    attrs = [ORTH, LEMMA, POS, TAG, ENT_IOB, ENT_TYPE]
    before = [(len(d), d.to_array(attrs).tolist()) for d in (title_doc, body_doc)]
    report = checker.run_rules("x", ArticleAnalysis(article, title_doc, body_doc, checker.resources))
    assert not report.errors and len(report.rules) > 30
    assert [(len(d), d.to_array(attrs).tolist()) for d in (title_doc, body_doc)] == before


def test_isolation_a_plugin_rule_among_built_in_rules_is_named_alone(clean_plugins):
    def spoil(self, ctx):
        ctx.body_doc.ents = []
        yield from ()

    class Ents:
        __name__ = "ents"

        @hookimpl
        def consistency_rules(self):
            return [make_rule("AA01", spoil, name="testing.spoil")]

    report = Checker(plugins=[Ents()], select=["AA01", "AT", "HY"]).check(
        Article.from_text("Talks\n\nSergei Lavrov met Boris Johnson in Paris."))
    assert [e.rule for e in report.errors] == ["AA01"]
    assert "entities" in report.errors[0].message and "built-in" not in report.errors[0].message
