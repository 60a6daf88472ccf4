from sellerdesk.core import messages


def test_every_kind_has_a_default_using_known_placeholders():
    defaults = messages.default_templates()
    assert set(defaults) == set(messages.KINDS)
    for text in defaults.values():
        assert text.strip()
        assert messages.unknown_placeholders(text) == []
    assert "{tracking}" in defaults["shipped"] and "{courier}" in defaults["shipped"]
    assert "{address}" in defaults["recheck"]


def test_render_fills_known_placeholders_and_keeps_the_rest():
    text = messages.render("{name}您好，{courier} {tracking} {oops} {{x}} {", {"name": "张三", "courier": "顺丰"})
    assert text == "张三您好，顺丰  {oops} {{x}} {"


def test_unknown_placeholders_are_reported_once_sorted():
    assert messages.unknown_placeholders("{b} {a} {name} {b}") == ["a", "b"]
