"""Strings of Qt's own dialogs that Qt's zh_CN translation (qtbase_zh_CN.qm) leaves English.

Qt's widget file dialog labels its folder box "&Look in:" and its filter box "Files of &type:";
qtbase_zh_CN.qm has only the forms without the mnemonic, so a seller's 保存恢复码 dialog showed
"Look in:" and "Files of type:" between Chinese labels, and "Folder" in its 类型 column. Marking
them here puts them into our .ts (context as Qt looks them up), and our translator, installed
after Qt's, answers first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # Qt 6 asks the file list's 类型 column here; qtbase_zh_CN.qm has them only under QFileDialog
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
)
