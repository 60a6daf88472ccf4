import logging

from sellerdesk.logsetup import mask_text, setup_logging


def test_mask_text():
    assert mask_text("call 13812345678 now") == "call 138****5678 now"
    assert "64641234" not in mask_text("landline 02164641234")
    assert mask_text("order 2026 of 3 items") == "order 2026 of 3 items"


def test_log_file_never_holds_a_full_phone(tmp_path):
    path = setup_logging(tmp_path)
    root = logging.getLogger("sellerdesk")
    try:
        log = logging.getLogger("sellerdesk.test")
        log.info("customer %s added", "13812345678")
        try:
            raise ValueError("bad phone 13987654321")
        except ValueError:
            log.exception("import failed")
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "_sellerdesk", False):
                root.removeHandler(handler)
                handler.close()
    text = path.read_text("utf-8")
    assert "138****5678" in text and "139****4321" in text
    assert "13812345678" not in text and "13987654321" not in text
    assert "Traceback" in text
