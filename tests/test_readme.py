"""The README's two fresh-machine commands stay true: CI runs the test one verbatim."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Try it on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section, re.S)


def test_readme_has_setup_and_test_commands():
    run, test = readme_commands()
    assert "consistency check examples/seed_article.txt" in run and "pip install ." in run
    assert "pytest" in test


def test_readme_test_command_is_what_ci_runs():
    _, test = readme_commands()
    assert test.strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_example_article_is_bundled():
    assert (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8").strip()


def test_readme_test_command_keeps_the_example_plugin_out_of_the_users_environment():
    run, test = readme_commands()
    user_env = re.match(r"python3 -m venv (\S+)", run).group(1)
    test_env = re.match(r"python3 -m venv (\S+)", test).group(1)
    assert user_env != test_env
    assert "consistency-example-plugin" in test and f"{test_env}/bin/pip install --no-deps ./examples" in test
    assert f"{user_env}/bin/" not in test
    assert f"{test_env}/" in (ROOT / ".gitignore").read_text(encoding="utf-8")
