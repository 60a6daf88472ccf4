"""Shipping labels: the PDF (pages, text, fonts), masking, long addresses, the QR code, the dialog."""

import os
import stat
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QDialog

from pdf_text import pdf_fonts, pdf_text
from sellerdesk.core.fields import MAX_LENGTH
from sellerdesk.exchange import labels
from sellerdesk.exchange.labels import LabelData
from sellerdesk.store import customers, orders, senders
from sellerdesk.store.customers import AddressEdit
from sellerdesk.ui.shipping import labels_dialog
from sellerdesk.ui.shipping.label_painter import _Painter, write_pdf
from sellerdesk.ui.shipping.labels_dialog import CUSTOMERS, ORDERS, LabelsDialog


def _customer(name, phone, province, city, district, detail):
    values = {"recipient": name, "phone": phone, "province": province, "city": city, "district": district}
    values["detail"] = detail
    return customers.save_customer(None, {"name": name, "phone": phone}, [AddressEdit(values, is_default=True)]).id


@pytest.fixture
def shop(store):
    a = _customer("张三", "13812345678", "广东省", "深圳市", "南山区", "科技园1号")
    b = _customer("阿依", "13987654321", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "人民路8号")
    ids = []
    for i in range(15):
        ids.append(
            orders.add_order(a if i % 2 else b, amount_fen=1000, items="面膜 x2, 护手霜", order_no=f"WX-{i:03d}").id
        )
    return a, b, ids


def _sender():
    senders.save_senders([{"label": "杭州仓", "name": "王小二", "phone": "13700001111", "detail": "文一西路1号"}])
    return senders.default_sender()


def test_a4_and_thermal_pdfs_have_the_right_pages_and_text(shop, tmp_path, qapp):
    _a, _b, ids = shop
    data = labels.order_labels(ids, sender=_sender())
    report = write_pdf(str(tmp_path / "a4.pdf"), data, "a4", {"to": "收", "from": "寄", "items": "物品"})
    assert report.pages == 2 and report.labels == 15 and report.cut == []
    pages = pdf_text(tmp_path / "a4.pdf")
    assert len(pages) == 2
    assert pages[0].count("WX-") == 14 and pages[1].count("WX-") == 1
    assert "13812345678" in pages[0] and "广东省深圳市南山区科技园1号" in pages[0].replace("\n", "").replace(" ", "")
    assert "面膜 ×2" in pages[0] and "王小二" in pages[0] and "寄" in pages[0]
    report = write_pdf(str(tmp_path / "thermal.pdf"), data, "thermal")
    assert report.pages == 15
    pages = pdf_text(tmp_path / "thermal.pdf")
    assert len(pages) == 15 and "WX-000" in pages[0] and "阿依" in pages[0] and "WX-014" in pages[14]
    assert not (tmp_path / "thermal.pdf.part").exists()
    if os.name == "posix":  # names, phones, addresses: private like every export
        assert stat.S_IMODE((tmp_path / "thermal.pdf").stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "a4.pdf").stat().st_mode) == 0o600


def test_the_pdf_embeds_a_font_that_renders_chinese(shop, tmp_path, qapp):
    write_pdf(str(tmp_path / "l.pdf"), labels.order_labels(shop[2][:1]), "a4")
    fonts = pdf_fonts(tmp_path / "l.pdf").splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    assert any("CJK" in line or "Hei" in line or "Han" in line for line in fonts), fonts


def test_masked_phones(shop, tmp_path, qapp):
    data = labels.order_labels(shop[2][:2], mask=True, sender=_sender())
    write_pdf(str(tmp_path / "m.pdf"), data, "a4")
    text = pdf_text(tmp_path / "m.pdf")[0]
    assert "138****5678" in text and "139****4321" in text and "137****1111" in text
    assert "13812345678" not in text and "13700001111" not in text


def test_customer_labels_have_no_items_and_no_code(shop, tmp_path, qapp):
    a, b, _ids = shop
    data = labels.customer_labels([a, b])
    assert [d.items for d in data] == [[], []] and [d.code for d in data] == ["", ""]
    write_pdf(str(tmp_path / "c.pdf"), data, "thermal")
    pages = pdf_text(tmp_path / "c.pdf")
    assert len(pages) == 2 and "张三" in pages[0] and "WX-" not in "".join(pages)


def _flat(text):
    return "".join(text.split())


def test_the_longest_allowed_address_is_never_cut_silently(tmp_path, qapp):
    detail = ("幸福路" + "1234567890" + "号楼") * (MAX_LENGTH["detail"] // 15)
    detail = detail[: MAX_LENGTH["detail"]]
    address = "新疆维吾尔自治区伊犁哈萨克自治州霍城县" + detail
    long = LabelData(code="L-1", recipient="某某", phone="13800000000", address=address, ref="L-1")
    short = LabelData(
        code="S-1", recipient="某某", phone="13800000000", address="北京市朝阳区" + "建国路" * 12, ref="S-1"
    )
    for layout in ("a4", "thermal"):
        report = write_pdf(str(tmp_path / f"{layout}-short.pdf"), [short], layout)
        text = _flat("".join(pdf_text(tmp_path / f"{layout}-short.pdf")))
        assert report.cut == [] and _flat(short.address) in text  # a long-ish address fits whole
        report = write_pdf(str(tmp_path / f"{layout}.pdf"), [long], layout)
        text = _flat("".join(pdf_text(tmp_path / f"{layout}.pdf")))
        if report.cut:
            assert report.cut == ["L-1"] and "..." in text and address[:30] in text  # cut, marked and reported
        else:
            assert _flat(address) in text
    assert write_pdf(str(tmp_path / "again.pdf"), [long], "a4").cut == ["L-1"]  # 559 characters cannot fit 99 × 38 mm


def test_a_long_name_is_cut_never_the_phone(tmp_path, qapp):
    name = "欧阳长长名字测试 Zhang 张三 Jr. 的表姐的同事的朋友"
    label = LabelData(code="N-1", recipient=name, phone="13911112222", address="北京市朝阳区建国路1号", ref="N-1")
    for layout in ("a4", "thermal"):
        write_pdf(str(tmp_path / f"{layout}.pdf"), [label], layout)
        text = _flat("".join(pdf_text(tmp_path / f"{layout}.pdf")))
        assert "13911112222" in text, layout  # the courier calls this number: always whole
        assert name[:4] in text


def test_the_qr_code_is_the_order_number(qapp):
    image = QImage(580, 580, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _Painter(painter, image, {}).qr(QRectF(0, 0, 580, 580), "WX-007")
    painter.end()
    matrix = segno.make("WX-007", error="m", micro=False).matrix
    module = 580 / (len(matrix) + 2)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            x, y = int((c + 1.5) * module), int((r + 1.5) * module)
            assert (image.pixelColor(x, y).lightness() < 128) == bool(dark), (r, c)


@pytest.fixture
def recorded(monkeypatch, qtbot):
    from sellerdesk.ui.widgets import dialogs

    seen = []

    def launch(dialog):
        seen.append(dialog)
        qtbot.addWidget(dialog) if dialog.parent() is None else None
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", launch)
    monkeypatch.setattr(dialogs, "information", lambda _parent, title, text: seen.append((title, text)))
    return seen


def test_dialog_without_senders_says_so_and_offers_settings(shop, qtbot, recorded):
    dialog = LabelsDialog(ORDERS, shop[2], can_open_senders=True)
    qtbot.addWidget(dialog)
    assert dialog.no_sender.isVisibleTo(dialog) and dialog.senders_button.isVisibleTo(dialog)
    assert dialog.chosen_sender() is None
    asked = []
    dialog.open_senders.connect(lambda: asked.append(True))
    dialog.senders_button.click()
    assert asked == [True]
    assert dialog.count.text() == "15 label(s) · 2 page(s)"  # (no English catalogue in tests)
    dialog.thermal.setChecked(True)
    assert dialog.count.text() == "15 label(s) · 15 page(s)"


def test_dialog_saves_a_pdf_with_the_default_sender_masked(shop, qtbot, recorded, tmp_path, monkeypatch, sync_jobs):
    _sender()
    dialog = LabelsDialog(ORDERS, shop[2][:3], mask=True)
    qtbot.addWidget(dialog)
    assert not dialog.no_sender.isVisibleTo(dialog) and dialog.chosen_sender().label == "杭州仓"
    assert dialog.mask.isChecked()
    assert "137****1111" in dialog.sender.itemText(0) and "13700001111" not in dialog.sender.itemText(0)
    out = tmp_path / "out"
    monkeypatch.setattr(labels_dialog, "ask_pdf_path", lambda *_a: str(out))
    dialog.save_pdf()
    assert Path(str(out) + ".pdf").exists()
    assert dialog.report is not None and dialog.report.pages == 1
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert any(isinstance(item, tuple) and "3 label(s)" in item[1] for item in recorded)
    text = pdf_text(str(out) + ".pdf")[0]
    assert "137****1111" in text and "138****5678" in text


def test_dialog_on_a_full_disk_says_so_and_leaves_no_file(shop, qtbot, recorded, tmp_path, monkeypatch, sync_jobs):
    """Stranger QA: on a full disk the dialog said 已将 11 个标签保存到 … over an empty PDF."""
    import errno
    import os

    dialog = LabelsDialog(ORDERS, shop[2][:3], mask=False)
    qtbot.addWidget(dialog)
    out = tmp_path / "out.pdf"
    monkeypatch.setattr(labels_dialog, "ask_pdf_path", lambda *_a: str(out))

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    dialog.save_pdf()
    assert list(tmp_path.iterdir()) == []
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not any(isinstance(item, tuple) and "label(s)" in item[1] for item in recorded)
    assert f"Could not write {out}: No space left on device." in dialog.error.text()


def test_dialog_for_customers_and_for_nothing(shop, qtbot, recorded):
    a, b, _ids = shop
    assert labels_dialog.show_labels_dialog(None, CUSTOMERS, [], mask=False) is None
    assert recorded and "Select" in recorded[-1][1]
    dialog = labels_dialog.show_labels_dialog(None, CUSTOMERS, [a, b], mask=False)
    assert isinstance(dialog, LabelsDialog) and "2 customer(s)" in dialog.what.text()


def test_print_goes_through_the_print_dialog(shop, qtbot, monkeypatch, tmp_path, sync_jobs):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from sellerdesk.ui.widgets import dialogs

    seen = []
    target = tmp_path / "printed.pdf"

    def launch(dialog):
        seen.append(dialog)
        if isinstance(dialog, QPrintDialog):
            printer = dialog.printer()
            assert printer.pageLayout().pageSize().size(printer.pageLayout().pageSize().Unit.Millimeter).width() == 100
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))  # what a user picking "print to file" does
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "launch", launch)
    monkeypatch.setattr(dialogs, "information", lambda *_a: seen.append("done"))
    dialog = LabelsDialog(ORDERS, shop[2][:2])
    qtbot.addWidget(dialog)
    dialog.thermal.setChecked(True)
    dialog.print_labels()
    assert isinstance(seen[0], QPrintDialog) and seen[-1] == "done"
    assert dialog.report is not None and dialog.report.pages == 2
    assert len(pdf_text(target)) == 2


def test_labels_without_an_address_are_named(tmp_path, qapp):
    empty = LabelData(code="E-1", recipient="某某", phone="", address="", ref="E-1")
    full = LabelData(code="F-1", recipient="某某", phone="", address="北京市朝阳区建国路1号", ref="F-1")
    report = write_pdf(str(tmp_path / "e.pdf"), [empty, full], "thermal")
    assert report.no_address == ["E-1"] and report.pages == 2


def test_labels_refuse_selected_orders_that_are_cancelled_or_refunded(shop, qtbot, recorded, monkeypatch):
    from sellerdesk.ui.widgets import dialogs

    _a, _b, ids = shop
    orders.set_status([ids[1]], "cancelled")
    orders.set_status([ids[2]], "refunded")
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, title, text: errors.append(text))
    assert labels_dialog.show_labels_dialog(None, ORDERS, ids[:4], mask=False) is None
    assert not any(isinstance(item, LabelsDialog) for item in recorded)  # no dialog, no label
    assert len(errors) == 1 and "\n" not in errors[0]
    assert f"#{ids[1]} (Cancelled)" in errors[0] and f"#{ids[2]} (Refunded)" in errors[0]
    assert f"#{ids[0]}" not in errors[0]
    assert isinstance(labels_dialog.show_labels_dialog(None, ORDERS, [ids[0], ids[3]], mask=False), LabelsDialog)


def test_labels_of_an_order_deleted_meanwhile_are_refused_in_one_line(shop, qtbot, recorded, monkeypatch):
    from sellerdesk.ui.widgets import dialogs

    _a, _b, ids = shop
    orders.delete_orders([ids[0]])
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, title, text: errors.append(text))
    assert labels_dialog.show_labels_dialog(None, ORDERS, ids[:2], mask=False) is None
    assert errors == ["A selected order was deleted meanwhile."]
