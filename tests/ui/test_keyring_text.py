from sellerdesk.store.keys import KeyMissingError
from sellerdesk.store.secrets import KeyringUnavailable
from sellerdesk.store.session import NeedsSecretError
from sellerdesk.ui.startup import keyring_text


def test_every_reason_has_its_own_plain_sentence(qapp):
    texts = {
        reason: keyring_text.describe(KeyringUnavailable(reason, "keyring.backends.fail.Keyring"))
        for reason in KeyringUnavailable.REASONS
    }
    assert len(set(texts.values())) == len(KeyringUnavailable.REASONS)
    assert all(text and "keyring.backends" not in text for text in texts.values())
    assert keyring_text.describe(None) == ""


def test_wrapped_causes_are_explained(qapp):
    try:
        raise NeedsSecretError("x", "keyring") from KeyMissingError()
    except NeedsSecretError as exc:
        assert "new computer" in keyring_text.describe(exc)
    try:
        raise NeedsSecretError("x", "keyring") from KeyringUnavailable(KeyringUnavailable.LOCKED)
    except NeedsSecretError as exc:
        assert "locked" in keyring_text.describe(exc)
