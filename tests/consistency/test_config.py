import pytest

from consistency import ConfigError, Severity
from consistency.config import Config, find_config_file, load_config


def test_config_reads_tool_table_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nselect = ["GE"]\nmin-severity = "warning"\n'
                                             '[tool.consistency.rules.GE03]\nmax_detour = 2.0\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(start=nested)
    assert config.select == ["GE"] and config.min_severity == Severity.warning
    assert config.rules == {"GE03": {"max_detour": 2.0}}


def test_config_consistency_toml_wins_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nselect = ["GE"]\n')
    (tmp_path / "consistency.toml").write_text('select = ["NM"]\n')
    assert find_config_file(tmp_path).name == "consistency.toml"
    assert load_config(start=tmp_path).select == ["NM"]


def test_config_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path).parent != tmp_path


def test_config_unknown_key_is_an_error(tmp_path):
    (tmp_path / "consistency.toml").write_text('selcet = ["GE"]\n')
    with pytest.raises(ConfigError, match="selcet"):
        load_config(start=tmp_path)


def test_config_bad_value_is_an_error(tmp_path):
    (tmp_path / "consistency.toml").write_text('fail_on = "fatal"\n')
    with pytest.raises(ConfigError, match="fail_on"):
        load_config(start=tmp_path)


def test_config_invalid_toml_is_an_error(tmp_path):
    (tmp_path / "consistency.toml").write_text('select = [\n')
    with pytest.raises(ConfigError, match="TOML"):
        load_config(start=tmp_path)


def test_config_overrides_and_comma_codes():
    config = Config().merged(select="GE, NM01", fail_on="error", ignore=None)
    assert config.select == ["GE", "NM01"] and config.fail_on == Severity.error and config.ignore == []
