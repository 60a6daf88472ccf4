"""Translated sentences put together: no 。）。, no space after a Chinese full stop."""

from sellerdesk.sentences import clause, sentences


def test_a_sentence_inside_another_loses_its_full_stop():
    assert clause("系统钥匙串已锁定。") == "系统钥匙串已锁定"
    assert clause("No system keyring was found. ") == "No system keyring was found"
    assert clause("Wait…") == "Wait…" and clause("Wait...") == "Wait..."
    assert clause("没有句号") == "没有句号"


def test_sentences_are_spaced_in_english_and_not_in_chinese():
    assert sentences("No keyring.", "Nothing was changed.") == "No keyring. Nothing was changed."
    assert sentences("没有钥匙串。", "没有做任何更改。") == "没有钥匙串。没有做任何更改。"
    assert sentences("", "只有一句。", "") == "只有一句。"
