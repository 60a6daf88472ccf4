import pytest

from sellerdesk.core import messages as core_messages
from sellerdesk.store import messages
from sellerdesk.store.errors import TooLongError, ValidationError


def test_defaults_until_the_seller_edits(backend_store):
    assert messages.templates() == core_messages.default_templates()
    messages.save_templates({"shipped": "{name}，发了：{courier}{tracking}"})
    assert messages.template("shipped") == "{name}，发了：{courier}{tracking}"
    assert messages.template("recheck") == core_messages.default_templates()["recheck"]
    assert messages.render("shipped", {"name": "李四", "courier": "中通", "tracking": "7312"}) == "李四，发了：中通7312"


def test_an_empty_text_goes_back_to_the_default(backend_store):
    messages.save_templates({"birthday": "生日快乐 {name}"})
    messages.save_templates({"birthday": "  "})
    assert messages.template("birthday") == core_messages.default_templates()["birthday"]


def test_bad_edits_change_nothing(backend_store):
    messages.save_templates({"holiday": "节日好"})
    with pytest.raises(ValidationError):
        messages.save_templates({"holiday": "x", "nope": "y"})
    with pytest.raises(TooLongError):
        messages.save_templates({"holiday": "长" * (core_messages.MAX_TEMPLATE_CHARS + 1)})
    assert messages.template("holiday") == "节日好"
